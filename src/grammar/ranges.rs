//! Ranges written as one token group: "Aug. 12-14", "Aug. 12 to 14, 2024", "12-13 June", "2019-2021",
//! "1998-99".
//! Each end becomes its own candidate part (the TimeML convention); ranges between two complete
//! expressions ("from 2019 to 2021", "between May and July") are linked by the refiners instead.

use super::{part, Candidate, Cursor};
use crate::detect::Tokens;
use crate::expr::{Expr, PartialDate, Shift, TemporalExpr};

/// Rule ids of the range forms (each has examples in the tests below).
pub const MONTH_DAY_DAY: &str = "range.month_day_day";
/// "12-13 June", "3 to 5 March 2014": days before their month.
pub const DAY_DAY_MONTH: &str = "range.day_day_month";
/// "2019-2021", "1998-99".
pub const YEAR_YEAR: &str = "range.year_year";
/// "July-September", "Jan.-March 2024".
pub const MONTH_MONTH: &str = "range.month_month";

fn date_expr(d: PartialDate) -> Expr {
    Expr::new(TemporalExpr::Date { date: d, shift: Shift::Bare })
}

/// Two days of the month joined by a dash or a word, the second the later ("12-14", "12 to 14"): the
/// first day, the token after it, the token of the second, the second day.
fn day_pair(c: &mut Cursor) -> Option<(u32, usize, usize, u32)> {
    let d1 = c.day()?;
    let mid = c.pos;
    let linked = c.attempt(|c| (c.glued() && c.dash() && c.glued()).then_some(())).is_some()
        || c.one_of(&["to", "through", "until", "and", "-", "–", "—"]).is_some();
    if !linked {
        return None;
    }
    let second_start = c.pos;
    let d2 = c.day()?;
    (d2 > d1).then_some((d1, mid, second_start, d2))
}

/// Pushes a [`day_pair`] of month `m`, starting at token `i`, as two linked dates sharing the year
/// that follows the cursor, if any.
fn push_days(
    c: &mut Cursor,
    i: usize,
    m: u32,
    (d1, mid, second_start, d2): (u32, usize, usize, u32),
    rule: &'static str,
    out: &mut Vec<Candidate>,
) {
    let year = super::dates::trailing_year(c);
    let mk = |d| date_expr(PartialDate { year, month: Some(m), day: Some(d), ..Default::default() });
    out.push(Candidate {
        part: part(c.toks, i, mid, mk(d1), rule),
        second: Some(Box::new(part(c.toks, second_start, c.pos, mk(d2), rule))),
    });
}

/// Pushes the range candidates that start at token `i`, reading numbers through the window's
/// `memo` (see [`super::cursor::Memo`]).
pub fn find(text: &str, toks: &Tokens, i: usize, memo: &super::cursor::Memo, out: &mut Vec<Candidate>) {
    // At a number, each form joins it to what follows with a dash or a word right after the
    // number or its ordinal suffix ("12-14", "12th to 14th", "2019-2021"; a month first is no
    // number): most numbers are turned away here, before a cursor reads them.
    if toks.toks[i].kind == crate::detect::TokKind::Number {
        let key = |j: usize| (j < toks.len()).then(|| toks.key(j));
        let link = |j: usize| key(j).is_some_and(|k| matches!(k, "-" | "–" | "—" | "to" | "through" | "until" | "and"));
        let suffix = key(i + 1).is_some_and(|k| matches!(k, "st" | "nd" | "rd" | "th"));
        if !(link(i + 1) || (suffix && link(i + 2))) {
            return;
        }
    }
    let cursor = || Cursor { memo: Some(memo), ..Cursor::new(text, toks, i) };
    let mut c = cursor();
    if let Some((m, days)) = c.attempt(|c| Some((c.month()?, day_pair(c)?))) {
        push_days(&mut c, i, m, days, MONTH_DAY_DAY, out);
        return;
    }
    // "12-13 June", "3 to 5 March 2014": the month and year after the second day belong to both.
    let mut c = cursor();
    if let Some((days, m)) = c.attempt(|c| Some((day_pair(c)?, c.month()?))) {
        push_days(&mut c, i, m, days, DAY_DAY_MONTH, out);
        return;
    }
    let mut c = cursor();
    if let Some((y1, y2)) = c.attempt(|c| {
        let y1 = c.year()?;
        if !(c.glued() && c.dash() && c.glued()) {
            return None;
        }
        let n = c.int()?;
        let y2 = match n.digits {
            4 => n.value as i32,
            2 => y1 - y1 % 100 + n.value as i32,
            _ => return None,
        };
        (y2 > y1 && y2 - y1 < 200).then_some((y1, y2))
    }) {
        let yr = |y| date_expr(PartialDate { year: Some(y), ..Default::default() });
        out.push(Candidate {
            part: part(toks, i, i + 1, yr(y1), YEAR_YEAR),
            second: Some(Box::new(part(toks, i + 2, i + 3, yr(y2), YEAR_YEAR))),
        });
        return;
    }
    // "July-September", "Jan.-March 2024": two months joined by a dash, the year after both.
    let mut c = cursor();
    if let Some((m1, mid, m2)) = c.attempt(|c| {
        let m1 = c.month()?;
        let mid = c.pos;
        (c.glued() && c.dash() && c.glued()).then_some(())?;
        let m2 = c.month()?;
        (m2 != m1).then_some((m1, mid, m2))
    }) {
        let second_start = mid + 1;
        let year = super::dates::trailing_year(&mut c);
        let mk = |m| date_expr(PartialDate { year, month: Some(m), ..Default::default() });
        out.push(Candidate {
            part: part(toks, i, mid, mk(m1), MONTH_MONTH),
            second: Some(Box::new(part(toks, second_start, c.pos, mk(m2), MONTH_MONTH))),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(text: &str) -> Vec<(String, String)> {
        let mut toks = Tokens::default();
        toks.tokenize(text, 0);
        // As the engine gives them: classified.
        toks.classify();
        let mut out = Vec::new();
        find(text, &toks, 0, &crate::grammar::cursor::Memo::default(), &mut out);
        out.iter()
            .flat_map(|c| [Some(&c.part), c.second.as_deref()])
            .flatten()
            .map(|p| (text[p.start..p.end].to_string(), p.expr.unresolved()))
            .collect()
    }

    #[test]
    fn month_day_day_splits_into_two_dates() {
        assert_eq!(
            ranges("Aug. 12-14"),
            vec![("Aug. 12".into(), "XXXX-08-12".into()), ("14".into(), "XXXX-08-14".into())]
        );
        assert_eq!(
            ranges("Aug. 12 to 14, 2024"),
            vec![("Aug. 12".into(), "2024-08-12".into()), ("14, 2024".into(), "2024-08-14".into())]
        );
    }

    #[test]
    fn day_day_month_splits_into_two_dates() {
        assert_eq!(
            ranges("12-13 June"),
            vec![("12".into(), "XXXX-06-12".into()), ("13 June".into(), "XXXX-06-13".into())]
        );
        assert_eq!(
            ranges("3 to 5 March 2014"),
            vec![("3".into(), "2014-03-03".into()), ("5 March 2014".into(), "2014-03-05".into())]
        );
        assert!(ranges("5 to 3 March").is_empty());
        // The link after an ordinal suffix: the first check at a number looks past the suffix.
        assert_eq!(
            ranges("12th through 14th June"),
            vec![("12th".into(), "XXXX-06-12".into()), ("14th June".into(), "XXXX-06-14".into())]
        );
        assert!(ranges("12 June").is_empty());
    }

    #[test]
    fn year_ranges_split_and_expand_two_digit_ends() {
        assert_eq!(ranges("2019-2021"), vec![("2019".into(), "2019".into()), ("2021".into(), "2021".into())]);
        assert_eq!(ranges("1998-99"), vec![("1998".into(), "1998".into()), ("99".into(), "1999".into())]);
        assert!(ranges("555-2024").is_empty());
    }

    #[test]
    fn month_ranges_split_and_share_the_year() {
        assert_eq!(
            ranges("July-September"),
            vec![("July".into(), "XXXX-07".into()), ("September".into(), "XXXX-09".into())]
        );
        assert_eq!(
            ranges("Jan.-March 2024"),
            vec![("Jan.".into(), "2024-01".into()), ("March 2024".into(), "2024-03".into())]
        );
    }
}
