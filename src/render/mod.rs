//! Renderers: JSON, SVG, TimeML and TSV views of a [`Timeline`]. Format only: they never compute
//! dates. Each is a [`Renderer`], chosen by [`Format`].

pub mod json;
pub mod svg;

use crate::timeline::Timeline;
use crate::timeml::TimeMlDoc;
use std::fmt::Write as _;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `chronoline/1` JSON.
    Json,
    /// An SVG chart of the events.
    Svg,
    /// The input as TimeML with TIMEX3 tags.
    TimeMl,
    /// One line per mention, tab-separated.
    Tsv,
}

impl Format {
    /// Parses a format name (`json`, `svg`, `timeml`, `tsv`).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "json" => Format::Json,
            "svg" => Format::Svg,
            "timeml" | "tml" => Format::TimeMl,
            "tsv" => Format::Tsv,
            _ => return None,
        })
    }

    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Svg => "svg",
            Format::TimeMl => "tml",
            Format::Tsv => "tsv",
        }
    }

    /// The renderer for this format.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Json => &Json,
            Format::Svg => &Svg,
            Format::TimeMl => &TimeMl,
            Format::Tsv => &Tsv,
        }
    }
}

/// What a renderer sees: the timeline and the source document.
pub struct Source<'a> {
    /// The extraction result.
    pub timeline: &'a Timeline,
    /// The document's text.
    pub text: &'a str,
    /// The input as TimeML, when it was TimeML (plain text is wrapped by the TimeML renderer).
    pub timeml: Option<&'a TimeMlDoc>,
}

/// A way to print a timeline.
pub trait Renderer {
    /// Renders the whole output as a string.
    fn render(&self, src: &Source) -> String;
}

/// `chronoline/1` JSON, pretty-printed, ending with a newline.
pub struct Json;

impl Renderer for Json {
    fn render(&self, src: &Source) -> String {
        let mut s = serde_json::to_string_pretty(src.timeline).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The SVG chart.
pub struct Svg;

impl Renderer for Svg {
    fn render(&self, src: &Source) -> String {
        svg::svg(src.timeline)
    }
}

/// TimeML with our TIMEX3 tags.
pub struct TimeMl;

impl Renderer for TimeMl {
    fn render(&self, src: &Source) -> String {
        match src.timeml {
            Some(doc) => doc.write(&src.timeline.mentions),
            None => {
                let d = &src.timeline.document;
                TimeMlDoc::from_plain(&d.name, &d.dct, src.text).write(&src.timeline.mentions)
            }
        }
    }
}

/// TSV: one mention per line: start, end (characters), type, value, mod, text.
pub struct Tsv;

impl Renderer for Tsv {
    fn render(&self, src: &Source) -> String {
        let mut out = String::from("start\tend\ttype\tvalue\tmod\ttext\n");
        for m in &src.timeline.mentions {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                m.start,
                m.end,
                m.kind.name(),
                m.value,
                m.modifier.map_or("", |x| x.name()),
                m.text.replace(['\t', '\n', '\r'], " ")
            );
        }
        out
    }
}
