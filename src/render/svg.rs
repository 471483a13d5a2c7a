//! The SVG timeline chart: how a [`Timeline`]'s events look on a page.
//!
//! This module owns presentation only — canvas size, the time axis and its ticks, markers (a dot
//! for a day or finer, a bar for coarser grains and ranges), friendly date labels, headline
//! truncation, and packing labels into lanes so they never overlap. It never resolves or computes
//! dates beyond mapping the events' already-resolved intervals onto pixels; the publication date is
//! only read (its first ten characters) to draw its marker.
//!
//! Drawing goes through `plotters`' SVG backend with no font feature: text is emitted as SVG
//! `<text>` elements (escaped by the backend) and sized by the viewer, so label widths are
//! estimated here from per-character advance widths.

use crate::expr::Grain;
use crate::timeline::{Event, Timeline};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};
use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle, Text};
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};

/// Canvas width in pixels; the height grows with the number of lanes.
const WIDTH: f64 = 1200.0;
/// Nothing (text included) is drawn closer than this to the left or right edge.
const MARGIN: f64 = 24.0;
/// Left end of the time axis.
const PLOT_LEFT: f64 = 56.0;
/// Right end of the time axis.
const PLOT_RIGHT: f64 = WIDTH - 56.0;
/// Vertical centre of the title.
const TITLE_Y: f64 = 30.0;
/// Vertical centre of the publication label.
const PUBLISHED_Y: f64 = 64.0;
/// Top of the first lane.
const LANES_TOP: f64 = 80.0;
/// Height of one lane.
const ROW: f64 = 24.0;
/// Space between the last lane and the axis line.
const AXIS_GAP: f64 = 8.0;
/// Font family for every text; the width estimate is calibrated on the widest of these fallbacks.
const FONT: &str = "Helvetica, Arial, sans-serif";
/// Font sizes, in SVG pixels.
const TITLE_SIZE: f64 = 18.0;
const LABEL_SIZE: f64 = 12.0;
const TICK_SIZE: f64 = 11.0;
/// Headlines longer than this many characters are cut with an ellipsis.
const HEADLINE_MAX_CHARS: usize = 60;
/// Dot radius for point events.
const DOT_RADIUS: f64 = 5.0;
/// Bar height and minimum width for interval events.
const BAR_HEIGHT: f64 = 10.0;
/// Height of a bar that carries its label inside.
const LABELLED_BAR_HEIGHT: f64 = 20.0;
/// Date labels (normally short) are cut beyond this width.
const DATE_MAX_WIDTH: f64 = 420.0;
const BAR_MIN_WIDTH: f64 = 6.0;
/// Space between a marker and its label, between a date and its headline, and between two items
/// sharing a lane.
const MARKER_GAP: f64 = 7.0;
const TEXT_GAP: f64 = 7.0;
const LANE_GAP: f64 = 32.0;
/// Minimum free space between two tick labels, and minimum distance between ticks.
const TICK_LABEL_GAP: f64 = 16.0;
const TICK_MIN_STEP: f64 = 52.0;

/// Muted palette.
const INK: RGBColor = RGBColor(34, 34, 34);
const HEADLINE_INK: RGBColor = RGBColor(51, 51, 51);
const DATE_INK: RGBColor = RGBColor(44, 78, 108);
const NOTE_INK: RGBColor = RGBColor(110, 110, 110);
const DOT: RGBColor = RGBColor(61, 106, 142);
const BAR_FILL: RGBColor = RGBColor(187, 207, 225);
const BAR_EDGE: RGBColor = RGBColor(86, 126, 160);
const GRID: RGBColor = RGBColor(232, 235, 239);
const STRIPE: RGBColor = RGBColor(248, 249, 251);
const AXIS: RGBColor = RGBColor(128, 128, 128);
const TICK_INK: RGBColor = RGBColor(85, 85, 85);
const PUBLISHED: RGBColor = RGBColor(190, 84, 72);
const WHITE: RGBColor = RGBColor(255, 255, 255);

/// Month abbreviations for labels (English, fixed: output must not depend on the locale).
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Renders the timeline's events as a standalone SVG chart.
///
/// The chart has a title (`Timeline: <document name>`), one lane-packed row item per event (a dot
/// for day-or-finer grains, a bar over `[start, end)` for coarser grains, weeks and ranges, each
/// labelled with a friendly date and its headline), a dashed line marking the publication date, and
/// a time axis with ticks in units chosen from the span. Only `events` are drawn. The output is
/// deterministic and never panics; an empty timeline gives a small chart with a "no dated events"
/// note.
pub fn svg(timeline: &Timeline) -> String {
    let title = fit(&format!("Timeline: {}", clean(&timeline.document.name)), WIDTH - 2.0 * MARGIN, TITLE_SIZE, true);
    let published = published_date(&timeline.document.dct);
    let mut out = String::new();
    let result = if timeline.events.is_empty() {
        let area = SVGBackend::with_string(&mut out, (WIDTH as u32, 110)).into_drawing_area();
        draw_empty(&area, &title)
    } else {
        let chart = layout(&timeline.events, published);
        let height = chart.height.round().max(1.0) as u32;
        let area = SVGBackend::with_string(&mut out, (WIDTH as u32, height)).into_drawing_area();
        draw_chart(&area, &title, &chart)
    };
    // The SVG backend writes into a String and cannot fail; if it ever did, the backend still
    // closes its tags on drop, so whatever was drawn is a well-formed document.
    let _ = result;
    out
}

/// An error from the drawing area over the SVG backend.
type DrawError = DrawingAreaErrorKind<std::io::Error>;
/// The whole canvas, in pixel coordinates.
type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

/// Everything needed to draw a non-empty chart, in pixels.
struct Chart {
    height: f64,
    lanes: usize,
    axis_y: f64,
    ticks: Vec<Tick>,
    /// Year labels under sub-year ticks: (x, text).
    years: Vec<(f64, String)>,
    published: Option<(f64, String)>,
    items: Vec<Item>,
}

/// A tick on the time axis.
struct Tick {
    x: f64,
    label: String,
}

/// How an event is drawn.
#[derive(Clone, Copy)]
enum Marker {
    /// A dot at this x.
    Dot(f64),
    /// A bar from x0 to x1.
    Bar(f64, f64),
}

impl Marker {
    /// Horizontal extent in pixels.
    fn extent(self) -> (f64, f64) {
        match self {
            Marker::Dot(x) => (x - DOT_RADIUS, x + DOT_RADIUS),
            Marker::Bar(x0, x1) => (x0, x1),
        }
    }
}

/// Which side of its marker an event's label sits on.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    /// Starts just right of the marker, date first.
    Right,
    /// Ends just left of the marker, headline first and the date next to the marker.
    Left,
    /// Starts inside a bar too wide to leave room on either side.
    Inside,
}

/// One event, placed.
struct Item {
    marker: Marker,
    date: String,
    headline: String,
    side: Side,
    /// Where the label starts (Right, Inside) or ends (Left).
    anchor_x: f64,
    lane: usize,
}

/// Maps day numbers (days since 0001-01-01 minus one, with fractions) to pixels.
struct Axis {
    t0: f64,
    t1: f64,
}

impl Axis {
    fn x(&self, t: f64) -> f64 {
        PLOT_LEFT + (t - self.t0) / (self.t1 - self.t0) * (PLOT_RIGHT - PLOT_LEFT)
    }
}

/// Places every event, packs them into lanes, and chooses the axis ticks.
fn layout(events: &[Event], published: Option<NaiveDate>) -> Chart {
    let spans: Vec<(f64, f64)> = events.iter().map(span).collect();
    let pub_day = published.map(|d| f64::from(d.num_days_from_ce()));
    let axis = domain(&spans, pub_day);

    let mut items: Vec<Item> = events.iter().zip(&spans).map(|(event, &(s, e))| place(event, &axis, s, e)).collect();

    // First fit, in time order (events come sorted; sort stably anyway), so earlier events take the
    // upper lanes.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| spans[a].0.total_cmp(&spans[b].0));
    let mut lanes: Vec<Vec<(f64, f64)>> = Vec::new();
    for i in order {
        let (l, r) = item_extent(&items[i]);
        let free = lanes.iter().position(|lane| lane.iter().all(|&(a, b)| r + LANE_GAP <= a || b + LANE_GAP <= l));
        let lane = match free {
            Some(k) => k,
            None => {
                lanes.push(Vec::new());
                lanes.len() - 1
            }
        };
        if let Some(slot) = lanes.get_mut(lane) {
            slot.push((l, r));
        }
        items[i].lane = lane;
    }

    let lane_count = lanes.len().max(1);
    let axis_y = LANES_TOP + lane_count as f64 * ROW + AXIS_GAP;
    let (ticks, years) = ticks(&axis);
    let has_years = !years.is_empty();
    let height = axis_y + if has_years { 50.0 } else { 34.0 };
    let published = published.and_then(|d| {
        let day = pub_day?;
        Some((axis.x(day), format!("published {}", iso_date(d))))
    });
    Chart { height, lanes: lane_count, axis_y, ticks, years, published, items }
}

/// The event's `[start, end)` as day numbers, with `end >= start`.
fn span(event: &Event) -> (f64, f64) {
    let s = day_number(event.interval.start);
    let e = day_number(event.interval.end);
    (s, e.max(s))
}

/// The axis domain: all events (a dot's point, a bar's whole interval) and the publication date,
/// padded by 4% on each side, at least a day, and at least six days wide in all.
fn domain(spans: &[(f64, f64)], published: Option<f64>) -> Axis {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for &(s, e) in spans {
        lo = lo.min(s);
        hi = hi.max(e);
    }
    if let Some(p) = published {
        lo = lo.min(p);
        hi = hi.max(p);
    }
    if !lo.is_finite() || !hi.is_finite() {
        lo = 0.0;
        hi = 0.0;
    }
    let pad = ((hi - lo) * 0.04).max(1.0);
    let (mut t0, mut t1) = (lo - pad, hi + pad);
    const MIN_SPAN: f64 = 6.0;
    if t1 - t0 < MIN_SPAN {
        let grow = (MIN_SPAN - (t1 - t0)) / 2.0;
        t0 -= grow;
        t1 += grow;
    }
    Axis { t0, t1 }
}

/// Whether the event is drawn as a bar (weeks and coarser, and ranges) rather than a dot.
fn is_bar(event: &Event) -> bool {
    event.value.contains('/')
        || match event.grain {
            Grain::Century
            | Grain::Decade
            | Grain::Year
            | Grain::Half
            | Grain::Quarter
            | Grain::Season
            | Grain::Month
            | Grain::Week => true,
            Grain::Day | Grain::PartOfDay | Grain::Hour | Grain::Minute | Grain::Second => false,
        }
}

/// Chooses the marker and label side for one event, truncating its headline to the room there is.
fn place(event: &Event, axis: &Axis, s: f64, e: f64) -> Item {
    let marker = if is_bar(event) {
        let x0 = axis.x(s);
        let x1 = axis.x(e).max(x0 + BAR_MIN_WIDTH);
        Marker::Bar(x0, x1)
    } else {
        Marker::Dot(axis.x(s))
    };
    let (ml, mr) = marker.extent();
    let date = fit(&friendly_value(&clean(&event.value)), DATE_MAX_WIDTH, LABEL_SIZE, true);
    let headline = truncate_chars(&clean(&event.headline), HEADLINE_MAX_CHARS);
    let date_w = text_width(&date, LABEL_SIZE, true);
    let head_w = text_width(&headline, LABEL_SIZE, false);
    let need = label_width(date_w, head_w);

    let right_start = mr + MARKER_GAP;
    let left_end = ml - MARKER_GAP;
    let room_right = WIDTH - MARGIN - right_start;
    let room_left = left_end - MARGIN;
    // A shortened headline must keep at least this much.
    let min_head = text_width("Abcdefghijkl…", LABEL_SIZE, false);

    let (side, anchor_x, room) = if need <= room_right {
        (Side::Right, right_start, room_right)
    } else if need <= room_left {
        (Side::Left, left_end, room_left)
    } else if room_right.max(room_left) >= date_w + TEXT_GAP + min_head {
        if room_right >= room_left {
            (Side::Right, right_start, room_right)
        } else {
            (Side::Left, left_end, room_left)
        }
    } else {
        // Only a bar wider than the canvas minus two short labels gets here; keep the text on it.
        let start = ml.max(MARGIN) + MARKER_GAP;
        (Side::Inside, start, mr.min(WIDTH - MARGIN) - MARKER_GAP - start)
    };
    let headline = fit(&headline, room - date_w - TEXT_GAP, LABEL_SIZE, false);
    Item { marker, date, headline, side, anchor_x, lane: 0 }
}

/// Width of a date label followed (or preceded) by a headline.
fn label_width(date_w: f64, head_w: f64) -> f64 {
    if head_w > 0.0 {
        date_w + TEXT_GAP + head_w
    } else {
        date_w
    }
}

/// The horizontal extent of an item's label.
fn label_extent(item: &Item) -> (f64, f64) {
    let w = label_width(text_width(&item.date, LABEL_SIZE, true), text_width(&item.headline, LABEL_SIZE, false));
    match item.side {
        Side::Right | Side::Inside => (item.anchor_x, item.anchor_x + w),
        Side::Left => (item.anchor_x - w, item.anchor_x),
    }
}

/// The horizontal extent of an item: its marker and its label.
fn item_extent(item: &Item) -> (f64, f64) {
    let (ml, mr) = item.marker.extent();
    let (ll, lr) = label_extent(item);
    (ml.min(ll), mr.max(lr))
}

/// Vertical centre of a lane.
fn lane_y(lane: usize) -> f64 {
    LANES_TOP + ROW * (lane as f64 + 0.5)
}

// ---------------------------------------------------------------------------------------------
// Ticks
// ---------------------------------------------------------------------------------------------

/// A tick spacing.
#[derive(Clone, Copy)]
enum Step {
    Days(i64),
    Weeks,
    Months(i32),
    Years(i32),
}

impl Step {
    /// The shortest length of one step, in days.
    fn min_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Weeks => 7.0,
            Step::Months(1) => 28.0,
            Step::Months(n) => 30.0 * f64::from(n) - 3.0,
            Step::Years(n) => 365.0 * f64::from(n),
        }
    }
}

/// From finest to coarsest.
const STEPS: [Step; 20] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(25),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(250),
    Step::Years(500),
    Step::Years(1000),
    Step::Years(2000),
    Step::Years(5000),
];

/// The ticks of the finest step whose labels do not crowd each other, and the year labels shown
/// under sub-year ticks (at the first tick and wherever the year changes).
fn ticks(axis: &Axis) -> (Vec<Tick>, Vec<(f64, String)>) {
    let px_per_day = (PLOT_RIGHT - PLOT_LEFT) / (axis.t1 - axis.t0);
    for step in STEPS {
        if step.min_days() * px_per_day < TICK_MIN_STEP {
            continue;
        }
        let raw = tick_dates(step, axis.t0, axis.t1);
        let ticks: Vec<(Tick, i32)> =
            raw.into_iter().map(|(day, label, year)| (Tick { x: axis.x(day), label }, year)).collect();
        let readable = ticks.windows(2).all(|pair| {
            let (a, b) = (&pair[0].0, &pair[1].0);
            let half = (text_width(&a.label, TICK_SIZE, false) + text_width(&b.label, TICK_SIZE, false)) / 2.0;
            b.x - a.x >= half + TICK_LABEL_GAP
        });
        if !readable {
            continue;
        }
        let mut years = Vec::new();
        if !matches!(step, Step::Years(_)) {
            let mut last: Option<i32> = None;
            let mut last_right = f64::NEG_INFINITY;
            for (tick, year) in &ticks {
                if last != Some(*year) {
                    let label = year.to_string();
                    let w = text_width(&label, TICK_SIZE, true);
                    if tick.x - w / 2.0 >= last_right + TICK_LABEL_GAP {
                        last_right = tick.x + w / 2.0;
                        years.push((tick.x, label));
                    }
                    last = Some(*year);
                }
            }
        }
        let ticks = ticks.into_iter().map(|(t, _)| t).collect();
        return (ticks, years);
    }
    (Vec::new(), Vec::new())
}

/// Tick positions (day numbers) inside `[t0, t1]` with their labels and years.
fn tick_dates(step: Step, t0: f64, t1: f64) -> Vec<(f64, String, i32)> {
    const MAX_TICKS: usize = 200;
    let mut out = Vec::new();
    let first = t0.ceil() as i64;
    match step {
        Step::Days(_) | Step::Weeks => {
            let n = match step {
                Step::Days(n) => n.max(1),
                _ => 7,
            };
            let mut d = first;
            // Align: multiples of n days for day steps, Mondays for weeks.
            for _ in 0..n {
                let aligned = match step {
                    Step::Weeks => date_from_day(d).map(|x| x.weekday() == Weekday::Mon) == Some(true),
                    _ => d.rem_euclid(n) == 0,
                };
                if aligned {
                    break;
                }
                d += 1;
            }
            while (d as f64) <= t1 && out.len() < MAX_TICKS {
                if let Some(date) = date_from_day(d) {
                    out.push((d as f64, day_label(date), date.year()));
                }
                d += n;
            }
        }
        Step::Months(n) => {
            let Some(start) = date_from_day(t0.floor() as i64) else {
                return out;
            };
            let mut m = start.year() * 12 + start.month0() as i32;
            m += (n - m.rem_euclid(n)) % n;
            while out.len() < MAX_TICKS {
                let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) as u32 + 1);
                m += n;
                let Some(date) = NaiveDate::from_ymd_opt(y, mo, 1) else {
                    break;
                };
                let day = f64::from(date.num_days_from_ce());
                if day > t1 {
                    break;
                }
                if day >= t0 {
                    let label = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
                    out.push((day, label.to_string(), y));
                }
            }
        }
        Step::Years(n) => {
            let Some(start) = date_from_day(t0.floor() as i64) else {
                return out;
            };
            // Years are held as astronomers count them (44 B.C. is -43). Before Christ, the round
            // years are those of its own count ("200 BC" is -199): the first tick is found year by
            // year there, then the ticks after Christ step from one multiple of `n` to the next.
            let round = |y: i32| if y >= 1 { y.rem_euclid(n) == 0 } else { (1 - y).rem_euclid(n) == 0 };
            let mut y = start.year();
            while out.len() < MAX_TICKS {
                let Some(date) = NaiveDate::from_ymd_opt(y, 1, 1) else {
                    break;
                };
                let day = f64::from(date.num_days_from_ce());
                if day > t1 {
                    break;
                }
                if day >= t0 && round(y) {
                    let label = if y >= 1 { y.to_string() } else { format!("{} BC", 1 - y) };
                    out.push((day, label, y));
                }
                y = if y >= 1 { y + n - y.rem_euclid(n) } else { y + 1 };
            }
        }
    }
    out
}

/// "Aug 12".
fn day_label(date: NaiveDate) -> String {
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {}", month, date.day())
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/// A text style: size in SVG pixels, weight, colour, anchor.
fn style(size: f64, bold: bool, color: RGBColor, h: HPos) -> TextStyle<'static> {
    let weight = if bold { FontStyle::Bold } else { FontStyle::Normal };
    // plotters' SVG backend writes font-size as size / 1.24; undo that.
    FontDesc::new(FontFamily::Name(FONT), size * 1.24, weight).color(&color).pos(Pos::new(h, VPos::Center))
}

/// Pixel coordinates.
fn px(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Draws text centred vertically on `y`.
fn text(area: &Area, s: &str, x: f64, y: f64, style: &TextStyle) -> Result<(), DrawError> {
    if s.is_empty() {
        return Ok(());
    }
    area.draw(&Text::new(s, px(x, y), style.clone()))
}

/// Draws a one-pixel (or wider) line.
fn line(area: &Area, a: (f64, f64), b: (f64, f64), st: ShapeStyle) -> Result<(), DrawError> {
    area.draw(&PathElement::new(vec![px(a.0, a.1), px(b.0, b.1)], st))
}

/// The chart for a timeline without events.
fn draw_empty(area: &Area, title: &str) -> Result<(), DrawError> {
    area.fill(&WHITE)?;
    text(area, title, MARGIN, TITLE_Y, &style(TITLE_SIZE, true, INK, HPos::Left))?;
    text(area, "no dated events", MARGIN, TITLE_Y + 36.0, &style(LABEL_SIZE, false, NOTE_INK, HPos::Left))?;
    area.present()
}

/// The chart for a timeline with events.
fn draw_chart(area: &Area, title: &str, chart: &Chart) -> Result<(), DrawError> {
    area.fill(&WHITE)?;
    text(area, title, MARGIN, TITLE_Y, &style(TITLE_SIZE, true, INK, HPos::Left))?;

    // Lane stripes and tick grid lines behind everything else.
    for lane in (1..chart.lanes).step_by(2) {
        let top = LANES_TOP + lane as f64 * ROW;
        area.draw(&Rectangle::new([px(MARGIN, top), px(WIDTH - MARGIN, top + ROW)], STRIPE.filled()))?;
    }
    for tick in &chart.ticks {
        line(area, (tick.x, LANES_TOP), (tick.x, chart.axis_y), GRID.stroke_width(1))?;
    }

    if let Some((x, label)) = &chart.published {
        let top = PUBLISHED_Y + 9.0;
        area.draw(&DashedPathElement::new(vec![px(*x, top), px(*x, chart.axis_y)], 5, 4, PUBLISHED.stroke_width(1)))?;
        let w = text_width(label, TICK_SIZE, true);
        let cx = x.clamp(MARGIN + w / 2.0, WIDTH - MARGIN - w / 2.0);
        text(area, label, cx, PUBLISHED_Y, &style(TICK_SIZE, true, PUBLISHED, HPos::Center))?;
    }

    for item in &chart.items {
        draw_item(area, item)?;
    }

    // The axis.
    let axis_y = chart.axis_y;
    line(area, (PLOT_LEFT, axis_y), (PLOT_RIGHT, axis_y), AXIS.stroke_width(1))?;
    let tick_style = style(TICK_SIZE, false, TICK_INK, HPos::Center);
    for tick in &chart.ticks {
        line(area, (tick.x, axis_y), (tick.x, axis_y + 5.0), AXIS.stroke_width(1))?;
        text(area, &tick.label, tick.x, axis_y + 16.0, &tick_style)?;
    }
    let year_style = style(TICK_SIZE, true, TICK_INK, HPos::Center);
    for (x, label) in &chart.years {
        text(area, label, *x, axis_y + 32.0, &year_style)?;
    }
    area.present()
}

/// One event: its marker and its label.
fn draw_item(area: &Area, item: &Item) -> Result<(), DrawError> {
    let y = lane_y(item.lane);
    match item.marker {
        Marker::Dot(x) => {
            let (cx, cy) = px(x, y);
            area.draw(&Circle::new((cx, cy), DOT_RADIUS as i32 + 1, WHITE.filled()))?;
            area.draw(&Circle::new((cx, cy), DOT_RADIUS as i32, DOT.filled()))?;
        }
        Marker::Bar(x0, x1) => {
            let h = if item.side == Side::Inside { LABELLED_BAR_HEIGHT } else { BAR_HEIGHT };
            let (a, b) = (px(x0, y - h / 2.0), px(x1, y + h / 2.0));
            area.draw(&Rectangle::new([a, b], BAR_FILL.filled()))?;
            area.draw(&Rectangle::new([a, b], BAR_EDGE.stroke_width(1)))?;
        }
    }
    // A plate in the lane's colour behind the label, so grid and publication lines pass behind the
    // text instead of through it (not for labels inside a bar: the bar is their background).
    if item.side != Side::Inside {
        let (l, r) = label_extent(item);
        let plate = if item.lane % 2 == 1 { STRIPE } else { WHITE };
        area.draw(&Rectangle::new([px(l - 3.0, y - 8.0), px(r + 3.0, y + 8.0)], plate.filled()))?;
    }
    let date_w = text_width(&item.date, LABEL_SIZE, true);
    match item.side {
        Side::Right | Side::Inside => {
            let date_style = style(LABEL_SIZE, true, DATE_INK, HPos::Left);
            text(area, &item.date, item.anchor_x, y, &date_style)?;
            let head_style = style(LABEL_SIZE, false, HEADLINE_INK, HPos::Left);
            let hx = item.anchor_x + date_w + TEXT_GAP;
            text(area, &item.headline, hx, y, &head_style)
        }
        Side::Left => {
            let date_style = style(LABEL_SIZE, true, DATE_INK, HPos::Right);
            text(area, &item.date, item.anchor_x, y, &date_style)?;
            let head_style = style(LABEL_SIZE, false, HEADLINE_INK, HPos::Right);
            let hx = item.anchor_x - date_w - TEXT_GAP;
            text(area, &item.headline, hx, y, &head_style)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text: cleaning, friendly dates, width estimates
// ---------------------------------------------------------------------------------------------

/// Collapses whitespace and drops characters XML cannot carry (control characters, U+FFFE/U+FFFF).
fn clean(s: &str) -> String {
    let mapped: String =
        s.chars().map(|c| if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' { ' ' } else { c }).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts `s` to at most `max` characters, ending with an ellipsis when cut.
fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", head.trim_end())
}

/// Cuts `s` so that its estimated width is at most `max_w`, ending with an ellipsis when cut; empty
/// if not even one character fits.
fn fit(s: &str, max_w: f64, size: f64, bold: bool) -> String {
    if text_width(s, size, bold) <= max_w {
        return s.to_string();
    }
    let ellipsis = text_width("…", size, bold);
    let mut w = 0.0;
    let mut head = String::new();
    for c in s.chars() {
        let cw = char_em(c) * size * if bold { BOLD_FACTOR } else { 1.0 };
        if w + cw + ellipsis > max_w {
            break;
        }
        w += cw;
        head.push(c);
    }
    let head = head.trim_end();
    if head.is_empty() {
        String::new()
    } else {
        format!("{head}…")
    }
}

/// Bold glyphs are about this much wider.
const BOLD_FACTOR: f64 = 1.1;

/// Estimated rendered width of `s` in pixels at `size` pixels.
fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = s.chars().map(char_em).sum();
    em * size * if bold { BOLD_FACTOR } else { 1.0 }
}

/// Advance width of a character in ems, after DejaVu Sans (the widest common fallback for
/// sans-serif, so Helvetica and Arial render narrower than estimated, never wider).
fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' | '‘' | '’' => 0.34,
        'f' | 't' | 'r' | 'I' | 'J' | '(' | ')' | '[' | ']' | '-' | '/' | '"' | '“' | '”' => 0.42,
        'm' | 'M' | 'W' | 'w' | '@' | '%' | '&' | '—' | '…' => 1.0,
        'a'..='z' | '0'..='9' | '–' | '$' | '?' | '*' => 0.64,
        'A'..='Z' => 0.74,
        '_' | '<' | '>' | '=' | '+' | '~' | '#' => 0.84,
        c if is_wide(c) => 1.0,
        _ => 0.8,
    }
}

/// East Asian wide characters (CJK, kana, Hangul, full-width forms) take a full em.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// A TIMEX3 value in a friendlier form ("6 Jan 2021", "May 2023", "Q3 2024", "2020s", ranges as
/// "A – B"); the value itself when it is not a form recognised here.
fn friendly_value(value: &str) -> String {
    match value.split_once('/') {
        Some((a, b)) => format!("{} – {}", friendly_point(a), friendly_point(b)),
        None => friendly_point(value),
    }
}

/// One end of a value, friendlier; the text itself when not recognised.
fn friendly_point(value: &str) -> String {
    friendly_point_opt(value).unwrap_or_else(|| value.to_string())
}

fn friendly_point_opt(value: &str) -> Option<String> {
    if !value.is_ascii() {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let year = *parts.first()?;
    if !digits(year) {
        return None;
    }
    let base = match (parts.as_slice(), year.len()) {
        ([_], 2) => format!("{year}00s"),
        ([_], 3) => format!("{year}0s"),
        ([_], 4) => year.to_string(),
        ([_, part], 4) => match *part {
            "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" => format!("{part} {year}"),
            "SP" => format!("Spring {year}"),
            "SU" => format!("Summer {year}"),
            "FA" => format!("Autumn {year}"),
            "WI" => format!("Winter {year}"),
            w if w.len() == 3 && w.starts_with('W') && digits(&w[1..]) => {
                format!("Week {}, {year}", w[1..].trim_start_matches('0'))
            }
            m if m.len() == 2 && digits(m) => format!("{} {year}", month_name(m)?),
            _ => return None,
        },
        ([_, m, d], 4) if m.len() == 2 && d.len() == 2 && digits(m) && digits(d) => {
            let day: u32 = d.parse().ok()?;
            if !(1..=31).contains(&day) {
                return None;
            }
            format!("{day} {} {year}", month_name(m)?)
        }
        _ => return None,
    };
    match time {
        None => Some(base),
        Some(t) => {
            let part = match t {
                "MO" => "morning",
                "MI" => "midday",
                "AF" => "afternoon",
                "EV" => "evening",
                "NI" => "night",
                "DT" => "daytime",
                _ => {
                    let hm = t.get(..5)?;
                    let ok = hm.len() == 5 && hm.as_bytes()[2] == b':' && digits(&hm[..2]) && digits(&hm[3..]);
                    if !ok {
                        return None;
                    }
                    return Some(format!("{base}, {hm}"));
                }
            };
            Some(format!("{base}, {part}"))
        }
    }
}

/// "05" -> "May".
fn month_name(m: &str) -> Option<&'static str> {
    let n: usize = m.parse().ok()?;
    MONTHS.get(n.checked_sub(1)?).copied()
}

// ---------------------------------------------------------------------------------------------
// Dates (reading only)
// ---------------------------------------------------------------------------------------------

/// Days since 0001-01-01 (as day 1), with the time of day as a fraction.
fn day_number(t: NaiveDateTime) -> f64 {
    f64::from(t.date().num_days_from_ce()) + f64::from(t.time().num_seconds_from_midnight()) / 86400.0
}

/// The date of a whole day number.
fn date_from_day(d: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(d).ok()?)
}

/// The publication date: the first ten characters of the DCT, `YYYY-MM-DD`.
fn published_date(dct: &str) -> Option<NaiveDate> {
    let s = dct.get(..10)?;
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `YYYY-MM-DD`.
fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Document, Interval, SCHEMA};

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("valid test date")
    }

    fn event(n: usize, value: &str, grain: Grain, start: NaiveDateTime, end: NaiveDateTime, headline: &str) -> Event {
        Event {
            id: format!("e{n}"),
            value: value.to_string(),
            interval: Interval { start, end },
            grain,
            headline: headline.to_string(),
            sentence: format!("{headline}."),
            mentions: vec![format!("m{n}")],
        }
    }

    fn timeline(name: &str, dct: &str, events: Vec<Event>) -> Timeline {
        Timeline {
            schema: SCHEMA.to_string(),
            document: Document { name: name.to_string(), dct: dct.to_string() },
            sentences: Vec::new(),
            mentions: Vec::new(),
            events,
        }
    }

    fn seed() -> Timeline {
        let day = |n, y, m, d, h: &str| {
            let s = at(y, m, d);
            let v = iso_date(s.date());
            event(n, &v, Grain::Day, s, s + chrono::Duration::days(1), h)
        };
        let month = |n, y, m, h: &str| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            let v = format!("{y:04}-{m:02}");
            event(n, &v, Grain::Month, at(y, m, 1), at(ny, nm, 1), h)
        };
        let year = |n, y, h: &str| event(n, &format!("{y}"), Grain::Year, at(y, 1, 1), at(y + 1, 1, 1), h);
        timeline(
            "seed",
            "2024-08-13",
            vec![
                day(1, 2021, 1, 6, "Trump banned from the platform following the Capitol riot"),
                year(2, 2022, "Musk restored his X account"),
                year(3, 2023, "A mug shot and a link to his campaign site"),
                month(
                    4,
                    2023,
                    5,
                    "The glitchy start echoed the launch of Florida Governor Ron DeSantis’ White House campaign",
                ),
                month(5, 2024, 7, "Assassination attempt on Trump at a Pennsylvania rally"),
                day(6, 2024, 8, 12, "Trump returned to X with a video about the attempt"),
                day(7, 2024, 8, 12, "Musk interviewed Trump in a livestream on X"),
                day(8, 2024, 8, 12, "The conversation started 40 minutes late"),
                month(9, 2024, 11, "Voters head to the polls in the presidential election"),
                month(10, 2024, 11, "Musk said he would campaign for Trump"),
            ],
        )
    }

    /// A `<text>` element: attributes and (unescaped) content.
    struct TextEl {
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        anchor: String,
        dy: String,
        content: String,
    }

    fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let i = tag.find(&key)? + key.len();
        let rest = &tag[i..];
        Some(&rest[..rest.find('"')?])
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
    }

    fn texts(svg: &str) -> Vec<TextEl> {
        let mut out = Vec::new();
        let mut rest = svg;
        while let Some(i) = rest.find("<text ") {
            let after = &rest[i..];
            let open_end = after.find('>').expect("open tag ends");
            let tag = &after[..open_end];
            let close = after.find("</text>").expect("text closed");
            let content = after[open_end + 1..close].trim_matches('\n');
            let num = |n: &str| {
                attr(tag, n).and_then(|v| v.parse::<f64>().ok()).unwrap_or_else(|| panic!("numeric {n} in {tag}"))
            };
            out.push(TextEl {
                x: num("x"),
                y: num("y"),
                size: num("font-size"),
                bold: attr(tag, "font-weight") == Some("bold"),
                anchor: attr(tag, "text-anchor").unwrap_or("start").to_string(),
                dy: attr(tag, "dy").unwrap_or("").to_string(),
                content: unescape(content),
            });
            rest = &after[close + "</text>".len()..];
        }
        out
    }

    /// Estimated box: (left, top, right, bottom).
    fn bbox(t: &TextEl) -> (f64, f64, f64, f64) {
        let w = text_width(&t.content, t.size, t.bold);
        let left = match t.anchor.as_str() {
            "middle" => t.x - w / 2.0,
            "end" => t.x - w,
            _ => t.x,
        };
        let (top, bottom) = match t.dy.as_str() {
            "0.76em" => (t.y, t.y + 1.2 * t.size),
            "-0.5ex" => (t.y - 1.2 * t.size, t.y),
            _ => (t.y - 0.6 * t.size, t.y + 0.6 * t.size),
        };
        (left, top, left + w, bottom)
    }

    /// A tiny well-formedness check: balanced tags, quoted attributes, no stray `<` or `&`.
    fn assert_well_formed(svg: &str) {
        assert!(svg.starts_with("<svg "), "starts with <svg");
        assert!(svg.trim_end().ends_with("</svg>"), "ends with </svg>");
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(i) = rest.find('<') {
            check_char_data(&rest[..i]);
            let after = &rest[i + 1..];
            let end = after.find('>').expect("tag ends");
            let tag = &after[..end];
            assert!(!tag.contains('<'), "no '<' inside a tag: {tag}");
            assert_eq!(tag.matches('"').count() % 2, 0, "quotes balanced: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name.trim()), "closing {name}");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().expect("tag name");
                stack.push(name.to_string());
            }
            if let Some(a) = tag.find('=') {
                check_char_data(&tag[a..]);
            }
            rest = &after[end + 1..];
            if stack.is_empty() {
                assert!(rest.trim().is_empty(), "nothing after the root element");
            }
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    fn check_char_data(s: &str) {
        for (i, _) in s.match_indices('&') {
            let ent = &s[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| ent.starts_with(e)),
                "bad entity in {s}"
            );
        }
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r'),
            "control character in {s:?}"
        );
    }

    fn assert_no_overlap(svg: &str) {
        let ts = texts(svg);
        for (i, a) in ts.iter().enumerate() {
            for b in &ts[i + 1..] {
                let (al, at, ar, ab) = bbox(a);
                let (bl, bt, br, bb) = bbox(b);
                let overlap = al < br && bl < ar && at < bb && bt < ab;
                assert!(!overlap, "{:?} overlaps {:?}", a.content, b.content);
            }
        }
    }

    fn assert_inside_canvas(svg: &str) {
        for t in texts(svg) {
            let (l, top, r, _) = bbox(&t);
            assert!(
                l >= MARGIN - 1.0 && r <= WIDTH - MARGIN + 1.0 && top >= 0.0,
                "{:?} at {l}..{r} leaves the canvas",
                t.content
            );
        }
    }

    fn all_text(svg: &str) -> Vec<String> {
        texts(svg).into_iter().map(|t| t.content).collect()
    }

    #[test]
    fn seed_chart() {
        let t = seed();
        let svg = svg(&t);
        assert_well_formed(&svg);
        assert_no_overlap(&svg);
        assert_inside_canvas(&svg);
        let contents = all_text(&svg);
        assert!(contents.contains(&"Timeline: seed".to_string()));
        assert!(contents.contains(&"published 2024-08-13".to_string()));
        for date in ["6 Jan 2021", "2022", "2023", "May 2023", "Jul 2024", "12 Aug 2024"] {
            assert!(contents.iter().any(|c| c == date), "date {date}");
        }
        assert_eq!(contents.iter().filter(|c| *c == "Nov 2024").count(), 2);
        assert_eq!(contents.iter().filter(|c| *c == "12 Aug 2024").count(), 3);
        for e in &t.events {
            let shown = truncate_chars(&e.headline, HEADLINE_MAX_CHARS);
            assert!(contents.contains(&shown), "headline {shown}");
        }
        // The long headline is cut with an ellipsis.
        assert!(contents.iter().any(|c| c.starts_with("The glitchy start echoed") && c.ends_with('…')));
        assert!(contents.iter().all(|c| c.chars().count() <= HEADLINE_MAX_CHARS));
        for year in ["2021", "2022", "2023", "2024"] {
            assert!(contents.iter().any(|c| c.contains(year)), "year {year}");
        }
        // Markers: dots for days, bars for months and years.
        assert_eq!(svg.matches("<circle").count(), 2 * 4);
        assert!(svg.matches("<rect").count() >= 2 * 6);
    }

    #[test]
    fn deterministic() {
        let t = seed();
        assert_eq!(svg(&t), svg(&t));
    }

    #[test]
    fn empty_timeline() {
        let svg = svg(&timeline("nothing here", "2024-08-13", Vec::new()));
        assert_well_formed(&svg);
        let contents = all_text(&svg);
        assert!(contents.contains(&"Timeline: nothing here".to_string()));
        assert!(contents.contains(&"no dated events".to_string()));
    }

    #[test]
    fn single_event() {
        let s = at(2021, 1, 6);
        let e = event(1, "2021-01-06", Grain::Day, s, at(2021, 1, 7), "Riot");
        for dct in ["2021-01-06T09:00:00-05:00", "garbage", ""] {
            let svg = svg(&timeline("one", dct, vec![e.clone()]));
            assert_well_formed(&svg);
            assert_no_overlap(&svg);
            assert_inside_canvas(&svg);
            let contents = all_text(&svg);
            assert!(contents.contains(&"6 Jan 2021".to_string()));
            assert!(contents.contains(&"Riot".to_string()));
            // A padded axis with day ticks around the event.
            assert!(contents.contains(&"Jan 6".to_string()), "{contents:?}");
            assert!(contents.contains(&"2021".to_string()));
            assert_eq!(contents.contains(&"published 2021-01-06".to_string()), dct.starts_with("2021"));
        }
    }

    #[test]
    fn range_event_is_a_bar() {
        let e = event(1, "2021-01-06/2021-03-20", Grain::Day, at(2021, 1, 6), at(2021, 3, 21), "The investigation");
        let svg = svg(&timeline("range", "2021-04-01", vec![e]));
        assert_well_formed(&svg);
        assert_no_overlap(&svg);
        assert!(all_text(&svg).contains(&"6 Jan 2021 – 20 Mar 2021".to_string()));
        assert_eq!(svg.matches("<circle").count(), 0);
        // Background, bar fill and bar outline (the label sits inside this wide bar, plate-less).
        assert_eq!(svg.matches("<rect").count(), 3);
    }

    #[test]
    fn escapes_text() {
        let s = at(2024, 8, 12);
        let e = event(1, "2024-08-12", Grain::Day, s, at(2024, 8, 13), "Q&A <live> \"now\"\u{1}");
        let svg = svg(&timeline("a&b <c>", "2024-08-13", vec![e]));
        assert_well_formed(&svg);
        assert!(svg.contains("Q&amp;A &lt;live&gt; &quot;now&quot;"));
        assert!(svg.contains("Timeline: a&amp;b &lt;c&gt;"));
        assert!(!svg.contains("<live>"));
    }

    #[test]
    fn extreme_and_odd_dates() {
        let events = vec![
            event(1, "0001", Grain::Year, at(1, 1, 1), at(2, 1, 1), "Year one"),
            event(2, "9999", Grain::Year, at(9999, 1, 1), at(10000, 1, 1), "Far future"),
            event(3, "19", Grain::Century, at(1900, 1, 1), at(2000, 1, 1), "The century"),
            // End before start must not break anything.
            event(4, "2000-01-01", Grain::Day, at(2000, 1, 2), at(2000, 1, 1), ""),
            event(5, "XXXX-08", Grain::Month, at(2024, 8, 1), at(2024, 9, 1), &"x".repeat(500)),
            event(6, "0001/9999", Grain::Year, at(1, 1, 1), at(10000, 1, 1), "Everything"),
        ];
        let svg = svg(&timeline("extremes", "2024-08-13", events));
        assert_well_formed(&svg);
        assert_no_overlap(&svg);
        assert_inside_canvas(&svg);
        let contents = all_text(&svg);
        for s in ["0001", "9999", "1900s", "XXXX-08", "0001 – 9999"] {
            assert!(contents.iter().any(|c| c == s), "{s} in {contents:?}");
        }
        assert!(contents.iter().any(|c| c == "2000"));
    }

    #[test]
    fn chrono_extremes_do_not_panic() {
        let events = vec![
            event(1, "?", Grain::Second, NaiveDateTime::MIN, NaiveDateTime::MAX, "All"),
            event(2, "?", Grain::Day, NaiveDateTime::MAX, NaiveDateTime::MIN, "End"),
        ];
        let svg = svg(&timeline("huge", "9999-99-99", events));
        assert_well_formed(&svg);
        assert_no_overlap(&svg);
    }

    #[test]
    fn many_events_on_one_day_stack_in_lanes() {
        let s = at(2024, 8, 12);
        let events: Vec<Event> = (1..=40)
            .map(|n| {
                let h = format!("Something happened, number {n}");
                event(n, "2024-08-12T14:30", Grain::Minute, s, s, &h)
            })
            .collect();
        let svg = svg(&timeline("busy", "2024-08-13", events));
        assert_well_formed(&svg);
        assert_no_overlap(&svg);
        assert_inside_canvas(&svg);
        assert!(all_text(&svg).contains(&"12 Aug 2024, 14:30".to_string()));
    }

    #[test]
    fn friendly_values() {
        let cases = [
            ("2021-01-06", "6 Jan 2021"),
            ("2023-05", "May 2023"),
            ("2023", "2023"),
            ("2024-Q3", "Q3 2024"),
            ("2024-H1", "H1 2024"),
            ("2024-SU", "Summer 2024"),
            ("2024-W05", "Week 5, 2024"),
            ("202", "2020s"),
            ("19", "1900s"),
            ("2024-08-12TMO", "12 Aug 2024, morning"),
            ("2024-08-12T09:05:00", "12 Aug 2024, 09:05"),
            ("2024-13", "2024-13"),
            ("2024-08-12TZZ", "2024-08-12TZZ"),
            ("2021/2023", "2021 – 2023"),
            ("PRESENT_REF", "PRESENT_REF"),
            ("2024-é", "2024-é"),
        ];
        for (value, want) in cases {
            assert_eq!(friendly_value(value), want, "{value}");
        }
    }

    #[test]
    fn headline_truncation() {
        let long = "word ".repeat(30);
        let cut = truncate_chars(long.trim(), HEADLINE_MAX_CHARS);
        assert!(cut.chars().count() <= HEADLINE_MAX_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(truncate_chars("short", HEADLINE_MAX_CHARS), "short");
        assert_eq!(fit("abc", 0.0, 12.0, false), "");
    }
}
