//! Times of day: clock times ("3 p.m.", "10:30 a.m. ET", "noon", "midnight"). Parts of the day attach
//! to their day in the date and relative rules ("Monday night", "this morning", "tonight").

use super::{Cursor, Rule, ANY};
use crate::expr::{Expr, PartialDate, Shift, TemporalExpr};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: "time.clock",
        first: NUM | LITERAL,
        after_the: ANY,
        examples: &[
            ("3 p.m.", "XXXXT15:00"),
            ("10:30 a.m.", "XXXXT10:30"),
            ("9 p.m. ET", "XXXXT21:00-05:00"),
            ("10 a.m. Eastern time", "XXXXT10:00-05:00"),
            ("3 p.m. local time", "XXXXT15:00"),
            ("[10 a.m.] eastern", "XXXXT10:00"),
            ("noon", "XXXXT12:00"),
            ("midnight", "XXXXT24:00"),
            ("3pm", "XXXXT15:00"),
        ],
        parse: clock,
    }]
}

/// "3 p.m.", "10:30 a.m.", "9 p.m. ET", "noon", "midnight".
fn clock(c: &mut Cursor) -> Option<Expr> {
    let t = c.clock_time()?;
    Some(Expr::new(TemporalExpr::Date {
        date: PartialDate { time: Some(t), ..Default::default() },
        shift: Shift::Bare,
    }))
}
