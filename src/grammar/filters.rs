//! "Not a date" filters: candidates that look like dates but are counts, codes, prices, scores, ages
//! or phone numbers ("2,000 kilometers", "$2016", "59-year-old", "Covid-19", "Boeing 747", "555-2024").

use super::Candidate;
use crate::detect::{TokKind, Tokens};
use crate::expr::{Amount, TemporalExpr, Unit};
use crate::lexicon::class::{
    APOSTROPHE, HOLIDAY, LITERAL, MONTH, PART, SEASON, SHIFT, THAT, THE, UNIT, VAGUE, WEEKDAY,
};
use crate::lexicon::lexicon;

/// Removes, from `out[first..]`, the candidates the filters reject.
// (Always inlined, into the loop over a window's tokens in `grammar::candidates`: out of line,
// where LTO put it after unrelated edits, it measured 0.5-0.6M instructions more on the 2 MB sample.)
#[inline(always)]
pub fn apply(text: &str, toks: &Tokens, first: usize, out: &mut Vec<Candidate>) {
    let mut k = first;
    while k < out.len() {
        if rejected(text, toks, &out[k]) {
            out.swap_remove(k);
        } else {
            k += 1;
        }
    }
}

/// Words before a bare number that make it a quantity ("about 1500", "more than 2000").
const QUANTIFIERS: &[&str] = &[
    "about",
    "around",
    "nearly",
    "approximately",
    "some",
    "than",
    "over",
    "under",
    "almost",
    "roughly",
    "only",
    "just",
    "least",
    "most",
    "to",
    "of",
    "and",
    "by",
    "$",
    "€",
    "£",
];

/// Signs of a price or a count glued before a number ("$2016", "£5", "#1"): no candidate starts
/// at the number (detection relies on it: such numbers open no window).
pub const PRICE_SIGNS: &[&str] = &["$", "€", "£", "#", "¥"];

/// Nouns that "day" makes a compound with ("day trader", "day job", "day care").
const DAY_COMPOUNDS: &[&str] = &[
    "trader", "traders", "trading", "job", "jobs", "pass", "care", "camp", "school", "student", "laborer", "laborers",
    "worker", "workers", "tripper", "trippers", "shift", "room", "nurse", "spa", "pack",
];

/// Words that end a street's name ("Pennsylvania Avenue", "N. Main St.").
const STREETS: &[&str] = &[
    "avenue",
    "ave",
    "street",
    "st",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "lane",
    "parkway",
    "plaza",
    "highway",
];

/// Whether the capitalized words from token `i` on name a street ("1600 [Pennsylvania Avenue]"):
/// a number before them is a street number, not a year.
fn street_number(text: &str, toks: &Tokens, i: usize) -> bool {
    let capital = |j: usize| {
        let t = &toks.toks[j];
        t.kind == TokKind::Word && text[t.start..t.end].starts_with(|c: char| c.is_ascii_uppercase())
    };
    let mut j = i;
    while j < toks.len() && j < i + 5 && (capital(j) || (j > i && toks.key(j) == ".")) {
        if j > i && STREETS.contains(&toks.key(j)) {
            return true;
        }
        j += 1;
    }
    false
}

fn rejected(text: &str, toks: &Tokens, cand: &Candidate) -> bool {
    let lex = lexicon();
    let p = &cand.part;
    let s = p.tok_start;
    let e = cand.second.as_ref().map_or(p.tok_end, |q| q.tok_end);
    let prev = (s > 0).then(|| toks.key(s - 1));
    let next = (e < toks.len()).then(|| toks.key(e));
    let first_tok = &toks.toks[s];
    // Stacked names ("January January", "Monday Tuesday"): a list of names with no comma or
    // conjunction between them is not a sequence of dates.
    let name = |i: usize| toks.class(i) & (MONTH | WEEKDAY) != 0 && toks.toks[i].kind == TokKind::Word;
    if e == s + 1 && name(s) && ((s > 0 && name(s - 1)) || (e < toks.len() && name(e))) {
        return true;
    }
    // Glued to a word or number before it: "Covid-19", "A380", "F-2000" (but "mid-2023" is a prefix form).
    if first_tok.kind != TokKind::Punct && !first_tok.space_before && s > 0 {
        let before = &toks.toks[s - 1];
        if before.kind != TokKind::Punct {
            return true;
        }
        if matches!(toks.key(s - 1), "-" | "/") && s > 1 && !toks.toks[s - 1].space_before {
            let w = toks.key(s - 2);
            // "mid-2023", "post-1959", "pre-1990" are prefixes of a date, not a word glued to a number.
            // "10:30-11:30 a.m.", "10am-6pm": the end of a range of clock times.
            let clock_range = (toks.toks[s - 2].kind == TokKind::Number
                || matches!(w, "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m"))
                && matches!(&p.expr.kind, TemporalExpr::Date { date, .. } if date.time.is_some() && date.day.is_none());
            // "Oct. 30-Nov. 1", "June-July": a range of months or days ends with a month's name.
            let month_range = toks.class(s) & MONTH != 0 && toks.toks[s].kind == TokKind::Word;
            // "Monday-Friday": a range of weekdays.
            let weekday_range = toks.class(s) & WEEKDAY != 0 && toks.class(s - 2) & WEEKDAY != 0;
            if !lex.position_mods.contains_word(w)
                && !matches!(w, "pre" | "post")
                && toks.toks[s - 2].kind != TokKind::Punct
                && !clock_range
                && !month_range
                && !weekday_range
            {
                return true;
            }
        }
        if PRICE_SIGNS.contains(&toks.key(s - 1)) {
            return true;
        }
    }
    let is_bare_number = p.tok_end == p.tok_start + 1 && toks.toks[s].kind == TokKind::Number;
    let bare_year = is_bare_number
        && matches!(&p.expr.kind, TemporalExpr::Date { date, .. } if date.year.is_some() && date.month.is_none());
    if bare_year && cand.second.is_none() {
        if let Some(w) = prev {
            if lex.code_words.contains(w) || QUANTIFIERS.contains(&w) && !matches!(w, "to" | "of" | "and" | "by") {
                return true;
            }
            // "No. 2021", "p. 1999"
            if w == "." && s > 1 && lex.code_words.contains(toks.key(s - 2)) {
                return true;
            }
        }
        if let Some(w) = next {
            if lex.count_nouns.contains(w) {
                return true;
            }
            if street_number(text, toks, e) {
                return true;
            }
            // "2024-555": a number glued after it.
            if matches!(w, "-" | "/" | ":" | ".")
                && e + 1 < toks.len()
                && !toks.toks[e].space_before
                && toks.toks[e + 1].kind == TokKind::Number
                && !toks.toks[e + 1].space_before
            {
                return true;
            }
        }
        // Glued after a number: "555-2024".
        if s > 1 && !first_tok.space_before && toks.toks[s - 2].kind == TokKind::Number {
            return true;
        }
        // A column of numbers ("1995 2000 2005") or a number pair ("1,500 2000") is not a date.
        if prev.is_some() && toks.toks[s - 1].kind == TokKind::Number {
            return true;
        }
    }
    // "June Carter Cash sang", "said April Ryan": a month's name before a capitalized name is a
    // given name, unless a word that places a month stands before it ("in April Congress voted").
    if e == s + 1 && toks.class(s) & MONTH != 0 && e < toks.len() {
        let t = &toks.toks[e];
        let name_next = t.kind == TokKind::Word
            && text[t.start..t.end].starts_with(|c: char| c.is_ascii_uppercase())
            && toks.class(e) & (MONTH | WEEKDAY | HOLIDAY | SEASON | UNIT | PART) == 0
            && toks.key(e) != "i";
        let placed = prev.is_some_and(|w| {
            matches!(
                w,
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "through"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "during"
                    | "from"
                    | "to"
                    | "and"
                    | "or"
                    | "before"
                    | "after"
                    | "on"
                    | "-"
                    | ","
                    | "that"
                    | "each"
                    | "every"
                    | "between"
                    | "around"
                    | "about"
                    | "for"
                    | "at"
            )
        });
        if name_next && !placed {
            return true;
        }
    }
    // "a day trader", "a day job": the first half of a compound noun, not a length of time.
    if e == s + 2
        && matches!(toks.key(s), "a" | "an")
        && toks.key(s + 1) == "day"
        && next.is_some_and(|w| DAY_COMPOUNDS.contains(&w))
    {
        return true;
    }
    // "61 and a quarter", "sixty-one and a half": the fraction of a number, not a period.
    if e == s + 2 && matches!(toks.key(s), "a" | "an") && prev == Some("and") && s >= 2 {
        let n = s - 2;
        if toks.toks[n].kind == TokKind::Number || lex.numerals.contains_word(toks.key(n)) {
            return true;
        }
    }
    // "falls on a Tuesday this year", "any Monday will do": a weekday with an indefinite article names
    // no particular day (but in "a Sunday night memorial service" the article is the noun's).
    if toks.class(s) & WEEKDAY != 0 && e == s + 1 && matches!(prev, Some("a" | "an" | "any")) {
        let noun_next = e < toks.len()
            && toks.toks[e].kind == TokKind::Word
            && !matches!(
                toks.key(e),
                "this" | "next" | "last" | "in" | "and" | "or" | "when" | "at" | "will" | "is" | "was"
            );
        if !noun_next {
            return true;
        }
    }
    // Fractions: "less than a quarter of normal", "half a year" is fine but "a half of" is not.
    // "several quarters of losses" counts periods, not parts.
    if let TemporalExpr::Duration { unit: Unit::Quarter | Unit::Half, amount: Amount::Exact(_), .. } = &p.expr.kind {
        if next == Some("of") {
            return true;
        }
    }
    // "his third visit in as many months": "as many" repeats a count, it states none.
    if matches!(&p.expr.kind, TemporalExpr::Duration { .. }) && prev == Some("as") && toks.key(s) == "many" {
        return true;
    }
    // Ages: "59-year-old", "a 10-year-old", "five years old".
    if let TemporalExpr::Duration { .. } = &p.expr.kind {
        if next == Some("old") || (next == Some("-") && e + 1 < toks.len() && toks.key(e + 1) == "old") {
            return true;
        }
    }
    if is_title(text, toks, s, e) || is_weekday_title(text, toks, s, e) {
        return true;
    }
    false
}

/// A weekday that begins a name: "The Sunday Times", "the Sunday Telegraph" (after "the"), "Monday
/// Night Football", "Saturday Night Live" (with a capitalized part of the day), when a capitalized
/// word that is neither a date word nor a function word follows ("On Monday President Biden
/// signed" keeps its Monday: no "the" before it; "Rangers Win Saturday Night In Overtime" keeps its
/// night: "In" is a function word).
fn is_weekday_title(text: &str, toks: &Tokens, s: usize, e: usize) -> bool {
    if toks.class(s) & WEEKDAY == 0 || e >= toks.len() || e > s + 2 {
        return false;
    }
    let capital = |i: usize| {
        let t = &toks.toks[i];
        t.kind == TokKind::Word && text[t.start..t.end].starts_with(|c: char| c.is_ascii_uppercase())
    };
    let after_the = s > 0 && toks.key(s - 1) == "the";
    let titled_part = e == s + 2 && toks.class(s + 1) & PART != 0 && capital(s + 1);
    let name_next = capital(e)
        && toks.class(e) & (MONTH | WEEKDAY | HOLIDAY | PART | SEASON) == 0
        && !matches!(
            toks.key(e),
            "in" | "on"
                | "at"
                | "as"
                | "and"
                | "or"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "of"
                | "the"
                | "a"
                | "an"
                | "after"
                | "before"
                | "is"
                | "was"
                | "will"
                | "but"
        );
    (after_the || titled_part) && name_next
}

/// A capitalized common time word in the middle of a sentence names a show, a film or a column, not
/// a time: ABC's "This Week", CBS's "60 Minutes". Holidays ("Election Day") and names of months
/// and days are capitalized anyway; a headline in title case ("Talks Resume Next Week") has
/// capitalized words around it and is left alone.
fn is_title(text: &str, toks: &Tokens, s: usize, e: usize) -> bool {
    let capital = |i: usize| {
        let t = &toks.toks[i];
        t.kind == TokKind::Word && text[t.start..t.end].starts_with(|c: char| c.is_uppercase())
    };
    // The first word of a sentence is capitalized anyway: only a word after a word or a comma in the
    // same line counts.
    let mid_sentence = || {
        (0..s).rev().find(|&i| !matches!(toks.key(i), "\"" | "“" | "'" | "‘" | "(")).is_some_and(|i| {
            (toks.toks[i].kind != TokKind::Punct || toks.key(i) == ",") && !toks.toks[i + 1].newline_before
        })
    };
    // Only words written in lower case in running text: units, shift words, parts of the day.
    let common = UNIT | SHIFT | THAT | PART | VAGUE | THE | LITERAL | APOSTROPHE;
    // Capitalized, not an abbreviation in capitals ("Q3", "FY", "ET").
    let titled = |i: usize| {
        let t = &toks.toks[i];
        capital(i) && text[t.start..t.end].chars().any(char::is_lowercase)
    };
    // Asked first, the class before the text: most candidates hold no capitalized common word (the
    // names below were looked up for each candidate before, and each word's text read).
    let lower_word_capitalized = (s..e).any(|i| toks.class(i) & common != 0 && titled(i) && (i > s || mid_sentence()));
    if !lower_word_capitalized {
        return false;
    }
    // Month and day names, and holiday names ("Election Day": the phrase, not every word of it, since
    // "day" is one).
    let lex = lexicon();
    if (s..e).any(|i| {
        toks.class(i) & (MONTH | WEEKDAY) != 0
            || (lex.holidays.may_start(toks, i) && lex.holidays.longest(toks, i).is_some())
    }) {
        return false;
    }
    // The run of capitalized words around it is the name ("The Day After Tomorrow"); a run that is
    // a whole line, or title-case words beyond the run, make a headline ("Council Moves Vote To Next
    // Week"), which is left alone.
    let n = toks.len();
    let in_run = |i: usize| capital(i) || matches!(toks.key(i), "\"" | "“" | "”" | "'" | "‘" | "’");
    let mut l = s;
    while l > 0 && !toks.toks[l].newline_before && in_run(l - 1) {
        l -= 1;
    }
    let mut r = e;
    while r < n && !toks.toks[r].newline_before && in_run(r) {
        r += 1;
    }
    if (l == 0 || toks.toks[l].newline_before) && (r == n || toks.toks[r].newline_before) {
        return false;
    }
    // Four tokens each side, within the sentence and the line.
    let ends = |i: usize| matches!(toks.key(i), "." | "!" | "?");
    let left = (l.saturating_sub(4)..l).rev().take_while(|&i| !ends(i) && !toks.toks[i + 1].newline_before);
    let right = (r..(r + 4).min(n)).take_while(|&i| !ends(i) && !toks.toks[i].newline_before);
    let (words, capitals) = left.chain(right).fold((0, 0), |(w, c), i| {
        if toks.toks[i].kind == TokKind::Word && toks.key(i) != "'s" {
            (w + 1, c + capital(i) as usize)
        } else {
            (w, c)
        }
    });
    !(words > 0 && capitals * 2 > words)
}

#[cfg(test)]
mod tests {
    use crate::{extract, Reference};

    fn values(text: &str) -> Vec<String> {
        let r: Reference = "2024-08-13".parse().unwrap();
        extract(text, &r).mentions.into_iter().map(|m| m.value).collect()
    }

    #[test]
    fn counts_codes_prices_and_ages_are_not_dates() {
        for text in [
            "2,000 kilometers",
            "$2016",
            "a 59-year-old man",
            "Covid-19",
            "a Boeing 747",
            "a 4-3 win",
            "call 555-2024",
            "page 1999",
            "in his 20s",
            "1500 people",
            "Baker said on ABC's \"This Week,\" that talks failed.",
            "Gonzalez said on CBS's \"60 Minutes\" that he would stay.",
            "She watched \"The Day After Tomorrow\" twice.",
            "Each right entitles holders to buy one-half share.",
            "The Communist Party daily Granma said so.",
            "For Poland, high noon has come.",
            "It was his third visit in as many months.",
            "It falls on a Tuesday.",
            "Any Monday will do.",
            "He told The Sunday Times that he would stay.",
            "The game aired on Monday Night Football.",
            "He watched Saturday Night Live.",
        ] {
            assert!(values(text).is_empty(), "{text:?} gave {:?}", values(text));
        }
    }

    #[test]
    fn stacked_names_are_not_dates_but_lists_are() {
        assert!(values("January January January").is_empty());
        assert_eq!(values("January and February"), ["2024-01", "2024-02"]);
    }

    #[test]
    fn a_glued_clock_range_keeps_its_end() {
        assert_eq!(values("Open 10am-6pm."), ["2024-08-13T10:00", "2024-08-13T18:00"]);
        assert_eq!(values("Open 10:30-11:30 a.m."), ["2024-08-13T10:30", "2024-08-13T11:30"]);
    }

    #[test]
    fn capitalized_time_words_are_names_only_mid_sentence() {
        assert_eq!(values("This week was quiet."), ["2024-W33"]);
        assert_eq!(values("He said: \"Next week we vote.\""), ["2024-W34"]);
        assert_eq!(values("Council Moves Vote To Next Week"), ["2024-W34"]);
        assert_eq!(values("Polls closed on Election Day.").len(), 1);
        assert_eq!(values("Growth slowed in Q3 2024."), ["2024-Q3"]);
        // A weekday begins a name only after "the" or with a capitalized part of the day.
        assert_eq!(values("On Monday President Biden signed the bill."), ["2024-08-12"]);
        assert_eq!(values("Rangers Win Saturday Night In Overtime"), ["2024-08-10TNI"]);
        assert_eq!(values("The Monday meeting was tense."), ["2024-08-12"]);
    }
}
