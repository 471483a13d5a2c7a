//! Vague references to the present, past and future: "now", "currently", "recently", "lately",
//! "the past", "the future", "soon".

use super::{Cursor, Rule};
use crate::expr::{Expr, TemporalExpr};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: "vague.reference",
        first: VAGUE,
        after_the: FOLLOWS_THE | SHIFT | VAGUE,
        after_article: FOLLOWS_ARTICLE,
        after_number: super::ANY,
        after_shift: super::ANY,
        examples: &[
            ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("the past", "PAST_REF"),
            ("the future", "FUTURE_REF"),
            ("soon", "FUTURE_REF"),
            ("it will [soon] move", "FUTURE_REF"),
            ("from the 1950s to [the present] day", "PRESENT_REF"),
        ],
        parse: reference,
    }]
}

/// A phrase of the vague-reference table.
fn reference(c: &mut Cursor) -> Option<Expr> {
    let start = c.pos;
    let (&r, n) = c.longest(&c.lex.vague)?;
    c.pos += n;
    let word = c.toks.key(start);
    // Adjectives before a noun describe it rather than refer to a time: "future debt-reduction
    // efforts", "the recent bomb attacks" (TimeML marks the adverbs and nouns: "recently", "the future").
    if n == 1 && matches!(word, "future" | "recent" | "eventual") && c.next_is_word() {
        return None;
    }
    // "the present government": an adjective before its noun ("the present and the past", "until
    // the present day", "the present that we live in" still refer).
    const AFTER_THE_PRESENT: &[&str] = &[
        "and", "or", "but", "of", "in", "is", "was", "will", "to", "as", "with", "for", "day", "time", "that", "which",
        "if", "when", "where", "because", "we", "they", "it",
    ];
    if n == 2
        && c.toks.key(start + 1) == "present"
        && c.next_is_word()
        && !c.key().is_some_and(|k| AFTER_THE_PRESENT.contains(&k))
    {
        return None;
    }
    // "as soon as", "as soon as possible": a conjunction.
    if word == "soon" && c.key_at(-2) == Some("as") && c.key() == Some("as") {
        return None;
    }
    // "soon after the capture", "soon before he left": placed against an event, not the present;
    // "was soon released", "had soon become": soon after a past moment of the story.
    if word == "soon"
        && (matches!(c.key(), Some("after" | "before" | "afterwards" | "afterward" | "thereafter"))
            || matches!(c.key_at(-2), Some("was" | "were" | "had")))
    {
        return None;
    }
    // "the past" in "the past five years" is part of a duration, which is longer and wins; before a
    // count of something else ("for the past three summers") it is not a reference on its own.
    if word == "the" && c.attempt(|c| c.amount()).is_some() {
        return None;
    }
    Some(Expr::new(TemporalExpr::Reference(r)))
}
