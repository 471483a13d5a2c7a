//! The tense of the clause around a mention, from cue words: auxiliaries and irregular past forms from
//! the lexicon, regular `-ed` forms, "'ll", "if"/"unless" (a condition is about the future). The
//! nearest cue in the mention's own clause wins; failing that, the nearest in the sentence.

use crate::detect::{TokKind, TokenSlice, Tokens, WindowTokens};
use crate::lexicon::packed::{packed_set, Packed};
use crate::lexicon::{lexicon, Tense};
use std::cell::Cell;

/// Words that start a new clause: the clause of a mention stops at them.
const CLAUSE_STARTS: &[&str] = &[
    "that", "which", "who", "whom", "because", "although", "though", "while", "whereas", "if", "unless", "when",
    "after", "before", "since", "until", "as", "saying", "adding",
];

/// Verbs that tell someone to do something ("ordered him to pay", "urged residents to stay").
const DIRECTIVES: &[&str] = &[
    "ordered",
    "orders",
    "told",
    "tells",
    "urged",
    "urges",
    "asked",
    "asks",
    "directed",
    "instructed",
    "required",
    "requires",
    "encouraged",
    "advised",
];

/// Participles of a forecast or a schedule: after "was", "is" ("was expected to", "is due"), what
/// the clause dates is still to come.
const FORECASTS: &[&str] =
    &["expected", "scheduled", "due", "set", "slated", "forecast", "forecasted", "predicted", "projected"];

/// Participles of a plan: with [`FORECASTS`], those that leave a date right after them to come ("a
/// ruling expected in June"), where another past verb there dates what is done.
const PLANS: &[&str] = &["planned", "anticipated", "proposed", "targeted"];

/// Verbs that move something later: the end of their span lies ahead of the report ("officials
/// postponed until Tuesday morning any action").
const DELAYS: &[&str] = &[
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "recessed",
    "rescheduled",
    "postpones",
    "delays",
    "defers",
    "reschedules",
];

/// Verbs that appoint a date for something ("set sentencing for Feb. 3", "moved the vote to
/// Tuesday"), or call off what was set for it ("canceled 2,000 flights for Sunday"), when an object
/// stands between them and the date.
const APPOINTS: &[&str] = &[
    "set",
    "sets",
    "scheduled",
    "schedules",
    "slated",
    "called",
    "calls",
    "booked",
    "moved",
    "pushed",
    "postponed",
    "delayed",
    "deferred",
    "rescheduled",
    "postpones",
    "delays",
    "defers",
    "reschedules",
    "moves",
    "pushes",
    "canceled",
    "cancelled",
    "cancels",
];

/// Verbs that put a notice in force: the span it is issued for ("issued a flood watch from 4 p.m.
/// Thursday", "imposed a curfew starting Friday") starts no earlier than the issuing.
const ISSUES: &[&str] = &["issued", "issues", "imposed", "imposes", "declared", "declares", "ordered", "orders"];

/// Reporting verbs: a date right beside one ("officials said Tuesday it will close", "Bush on Tuesday
/// said the blockade may be extended") dates the report, whatever tense the reported clause has.
pub(crate) const REPORTING: &[&str] = &[
    "said",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
    "noted",
    "confirmed",
    "denied",
    "declared",
    "warned",
    "acknowledged",
    "disclosed",
    "revealed",
];

const BOUNDARY_PUNCT: &[&str] = &[",", ";", ":", "(", ")", "—", "–", "\"", "“", "”"];

/// `BOUNDARY_PUNCT.contains(key)`: punctuation first, then the list packed into integers (asked of
/// the words around every mention that needs a tense).
fn is_boundary_punct(key: &str) -> bool {
    static PACKED: Packed = Packed::new(BOUNDARY_PUNCT);
    key.as_bytes().first().is_some_and(|b| !b.is_ascii_alphanumeric()) && PACKED.contains(key)
}

packed_set! {
    /// `CLAUSE_STARTS.contains(key)`, the list packed into integers.
    fn is_clause_start = CLAUSE_STARTS;
}

packed_set! {
    /// `REPORTING.contains(key)`, the list packed into integers (asked of the words on both sides
    /// of every mention that needs a tense).
    fn is_reporting = REPORTING;
}

packed_set! {
    /// `APPOINTS.contains(key)`, the list packed into integers (asked of every word of a clause
    /// before "for" or "to" and a date).
    fn is_appointing = APPOINTS;
}

packed_set! {
    /// `DIRECTIVES.contains(key)`, the list packed into integers.
    fn is_directive = DIRECTIVES;
}

packed_set! {
    /// `DELAYS.contains(key)`, the list packed into integers.
    fn is_delay = DELAYS;
}

/// The words [`read_cue`] names in its tests of the word itself (not of its neighbours): a word
/// that is none of them passes only its tests of lists (plans, intents, schedules, "have") and of
/// forms (the tense table, "'ll", "n't", "-ed"). [`may_cue`]'s filter holds them too.
const NAMED_CUES: &[&str] = &[
    "is",
    "are",
    "remains",
    "remain",
    "effect",
    "was",
    "were",
    "take",
    "come",
    "go",
    "goes",
    "be",
    "reports",
    "releases",
    "announces",
    "posts",
    "publishes",
    "had",
    "planned",
    "intended",
    "hoped",
    "expected",
    "meant",
    "scheduled",
    "after",
    "has",
    "have",
    "could",
];

packed_set! {
    /// `NAMED_CUES.contains(key)`, the list packed into integers.
    fn is_named_cue = NAMED_CUES;
}

/// The tense cue the word at token `i` gives, if any (what [`SentenceCues::cue`] reads of a word
/// that passes [`may_cue`]).
fn read_cue(toks: TokenSlice, i: usize, text: &str) -> Option<Tense> {
    let k = toks.key(i);
    // Whether `k` is one of the words the tests below name: the others skip those tests, which
    // cannot hold for them (most words asked are none; each test compared the key again).
    let named = is_named_cue(k);
    // "set for 10:30 a.m. Monday", "scheduled to", "due to": a plan, so the future.
    // Asked of every word of a sentence: the lists as perfect hash tables.
    static PLANNED: Packed = Packed::new(PLANNED_WORDS);
    static HAVE: Packed = Packed::new(HAVE_WORDS);
    static INTENT: Packed = Packed::new(INTENTS);
    static SCHEDULE: Packed = Packed::new(BASE_SCHEDULE);
    if PLANNED.contains(k) && i + 1 < toks.len() && matches!(toks.key(i + 1), "for" | "to") {
        // "had been scheduled to expire at midnight Friday", "had been due to": in the past
        // perfect, a plan overtaken, whose date has come by now.
        let overtaken = i > 1 && toks.key(i - 1) == "been" && toks.key(i - 2) == "had";
        return Some(if overtaken { Tense::Past } else { Tense::Future });
    }
    // "the president is traveling to Asia on Saturday", "talks are resuming Monday": the present
    // progressive of an arrangement, still to come (not of a state or an effort under way: "is
    // serving a sentence for a crime committed in March", "is running at 3% in July").
    if named && matches!(k, "is" | "are") && i + 1 < toks.len() && ARRANGEMENTS.contains(&toks.key(i + 1)) {
        return Some(Tense::Future);
    }
    // "markets are closed Thursday", "the museum is open Sunday": opening hours, announced ahead;
    // "a heat warning is in effect from 10 a.m. Friday", "the curfew remains in place until
    // Thursday": a rule in force, whose times are given ahead.
    if named && matches!(k, "is" | "are" | "remains" | "remain") && i + 1 < toks.len() {
        let next = toks.key(i + 1);
        let in_force = next == "in" && i + 2 < toks.len() && matches!(toks.key(i + 2), "effect" | "place" | "force");
        if in_force || (matches!(k, "is" | "are") && matches!(next, "closed" | "open" | "shut")) {
            return Some(Tense::Future);
        }
    }
    // "warnings issued Monday, in effect from 7 p.m. Tuesday": a rule's times, given ahead (not
    // "were in effect from ...").
    if named
        && k == "effect"
        && i > 0
        && toks.key(i - 1) == "in"
        && !(i > 1 && matches!(toks.key(i - 2), "was" | "were" | "been" | "had"))
        && i + 1 < toks.len()
        && matches!(toks.key(i + 1), "from" | "until" | "through" | "starting" | "beginning")
    {
        return Some(Tense::Future);
    }
    // "were planning to", "was expected to": a plan, reported in the past, for what is still to come;
    // "is expected to", "are due to": one in the present.
    // ("Highs on Thursday are not expected to climb above zero": negated, a forecast still.)
    // ("was likely to last into the winter": a forecast too.)
    if named && matches!(k, "was" | "were" | "is" | "are") {
        let next = (i + 1..toks.len().min(i + 3)).find(|&j| toks.key(j) != "not");
        let likely =
            |j: usize| matches!(toks.key(j), "likely" | "unlikely") && j + 1 < toks.len() && toks.key(j + 1) == "to";
        if next.is_some_and(|j| {
            let w = toks.key(j);
            matches!(w, "planning" | "going") || FORECASTS.contains(&w) || likely(j)
        }) {
            return Some(Tense::Future);
        }
    }
    // "the cuts take effect July 1", "the rules come into force in March": in the present, a change
    // still to come.
    if named
        && matches!(k, "take" | "come" | "go" | "goes")
        && !(i > 0 && matches!(toks.key(i - 1), "did" | "didn't" | "had" | "hadn't" | "never"))
        && i + 2 < toks.len()
        && matches!((toks.key(i + 1), toks.key(i + 2)), ("effect", _) | ("into", "force" | "effect"))
    {
        return Some(Tense::Future);
    }
    // "officials hoped to finish the work by Friday", "vowed to return on Monday": an aim, whatever
    // the tense it was stated in, is still ahead of the statement ("had sought to delay it until
    // after the Nov. 5 election" is an aim of a past already over).
    // (After a determiner the word is a noun, whose aim tells nothing of the clause's verb: "ended
    // the summit Saturday with a pledge to protect shipping lanes".)
    if i + 1 < toks.len()
        && toks.key(i + 1) == "to"
        && INTENT.contains(k)
        && !(i > 0 && (toks.key(i - 1) == "had" || DETERMINERS.contains(&toks.key(i - 1))))
    {
        return Some(Tense::Future);
    }
    // "the report, to be published Thursday,", "the vote was to be held Monday": appointed, so ahead.
    if named
        && k == "be"
        && i > 1
        && toks.key(i - 1) == "to"
        && matches!(toks.key(i - 2), "," | "is" | "are" | "was" | "were")
    {
        return Some(Tense::Future);
    }
    // "Apple reports earnings Thursday", "the department releases its jobs report Friday": a
    // release in the present, scheduled (as a verb: an object follows; "news reports Tuesday said"
    // is a noun).
    if named
        && matches!(k, "reports" | "releases" | "announces" | "posts" | "publishes")
        && i + 1 < toks.len()
        && matches!(
            toks.key(i + 1),
            "its" | "their" | "his" | "her" | "quarterly" | "annual" | "earnings" | "results" | "figures" | "data"
        )
        && !(i > 0 && matches!(toks.key(i - 1), "the" | "a" | "its" | "their" | "news" | "press" | "media"))
    {
        return Some(Tense::Future);
    }
    // "voters, who go to the polls Sunday", "the talks resume Monday": a plural subject's scheduled
    // event, in the present (not an infinitive, "to go", nor after a modal or "did").
    if i > 0 && SCHEDULE.contains(k) && plural_subject_before(toks, i, text) {
        return Some(Tense::Future);
    }
    // "had planned to retire in June": a plan given up, in the past (both words say so).
    let plan = |j: usize| matches!(toks.key(j), "planned" | "intended" | "hoped" | "expected" | "meant" | "scheduled");
    if named && ((k == "had" && i + 1 < toks.len() && plan(i + 1)) || (i > 0 && toks.key(i - 1) == "had" && plan(i))) {
        return Some(Tense::Past);
    }
    // "officials had hoped it would end over the summer": what such a plan foresaw, past now too.
    if k == "would" && (i.saturating_sub(5)..i.saturating_sub(1)).any(|j| toks.key(j) == "had" && plan(j + 1)) {
        return Some(Tense::Past);
    }
    // "after reporting second-quarter results": what came before the main clause's event.
    if named && k == "after" && i + 1 < toks.len() && toks.key(i + 1).len() > 5 && toks.key(i + 1).ends_with("ing") {
        return Some(Tense::Past);
    }
    // "prosecutors have until Friday to respond": a deadline still open.
    if named && matches!(k, "has" | "have") && i + 1 < toks.len() && toks.key(i + 1) == "until" {
        return Some(Tense::Future);
    }
    if HAVE.contains(k) && perfect(toks, i + 1, text) {
        return Some(Tense::Past);
    }
    // "from May 3 to May 9": the month, written with its capital, is no modal.
    if k == "may" && text.as_bytes().get(toks.toks[i].start) == Some(&b'M') {
        return None;
    }
    // "will be posted", "is being held": a participle after "be" is the passive's, whose tense the
    // auxiliary before it tells; no past of its own. (Not after "could be", a negated past as often
    // as a plan: "Neither could be located Wednesday".)
    let passive = || {
        let after_modal = |j: usize| matches!(toks.key(j), "will" | "'ll" | "to" | "would" | "should" | "must" | "may");
        (i > 0 && toks.key(i - 1) == "being") || (i > 1 && toks.key(i - 1) == "be" && after_modal(i - 2))
    };
    if let Some(tense) = tense_word(k) {
        return (tense != Tense::PastVerb || !passive()).then_some(tense);
    }
    if k.ends_with("'ll") {
        return Some(Tense::Future);
    }
    if k.ends_with("n't") {
        return match k {
            "won't" => Some(Tense::Future),
            "didn't" | "wasn't" | "weren't" | "hadn't" | "couldn't" => Some(Tense::Past),
            _ => Some(Tense::Present),
        };
    }
    // "another increase could come as early as December", "could face a vote Tuesday": a possibility
    // still open. "could have", "could not", and "could be" ("neither could be reached Wednesday",
    // a negated past as often as a plan) say nothing of when.
    if named && k == "could" {
        let next = if i + 1 < toks.len() { toks.key(i + 1) } else { "" };
        // "residents could hear explosions Monday night": what one was able to perceive, told of a
        // past as often as not; the clause's other verbs decide.
        let perceived = matches!(next, "see" | "hear" | "feel" | "smell" | "sense" | "watch");
        return (!perceived && !matches!(next, "have" | "'ve" | "not" | "n't" | "be")).then_some(Tense::Future);
    }
    if regular_past(toks, i, text, 5) && !passive() {
        return Some(Tense::PastVerb);
    }
    None
}

/// Whether `key` is an auxiliary or a modal that starts a verb phrase ("will", "was", "has").
pub(crate) fn is_auxiliary_or_modal(key: &str) -> bool {
    matches!(
        key,
        "will"
            | "would"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// The most tokens a bracketed aside holds for [`SentenceCues::clause_tense`] to read through it.
const ASIDE: usize = 8;

/// When token `i` (met walking back from a mention that ends before token `last`) is the bracket
/// of a short aside, the index of its opening bracket: `i` itself when the mention is inside the
/// aside (its closing bracket at most [`ASIDE`] tokens after `last`), else the opening bracket of
/// the aside that `i` closes.
fn aside_open(toks: TokenSlice, i: usize, last: usize) -> Option<usize> {
    match toks.key(i) {
        "(" => (last..toks.len().min(last + ASIDE + 1)).find(|&j| toks.key(j) == ")").map(|_| i),
        ")" => (i.saturating_sub(ASIDE + 1)..i)
            .rev()
            .find(|&j| matches!(toks.key(j), "(" | ")"))
            .filter(|&j| toks.key(j) == "("),
        _ => None,
    }
}

/// When token `i` (met walking on from a mention that starts at token `first`) is the bracket of
/// a short aside, the index of its closing bracket: `i` itself when the mention is inside the aside
/// (its opening bracket at most [`ASIDE`] tokens before `first`), else the closing bracket of the
/// aside that `i` opens.
fn aside_close(toks: TokenSlice, i: usize, first: usize) -> Option<usize> {
    match toks.key(i) {
        ")" => (first.saturating_sub(ASIDE + 1)..first).rev().find(|&j| toks.key(j) == "(").map(|_| i),
        "(" => (i + 1..toks.len().min(i + ASIDE + 2))
            .find(|&j| matches!(toks.key(j), "(" | ")"))
            .filter(|&j| toks.key(j) == ")"),
        _ => None,
    }
}

/// Words before a noun that rule out reading it as a verb: articles, possessives, ordinals.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "its", "their", "his", "her", "our", "first", "second", "third", "next", "last",
    "latest", "final", "any", "no",
];

/// Verbs whose present progressive states an arrangement to come ("is traveling to Asia on Saturday").
const ARRANGEMENTS: &[&str] = &[
    "traveling",
    "travelling",
    "flying",
    "heading",
    "leaving",
    "arriving",
    "returning",
    "visiting",
    "meeting",
    "hosting",
    "holding",
    "playing",
    "facing",
    "opening",
    "launching",
    "releasing",
    "resuming",
    "reopening",
    "marching",
    "voting",
    "testifying",
];

/// Verbs of aim or promise that, before "to", put what follows ahead of their own time.
const INTENTS: &[&str] = &[
    "hope",
    "hopes",
    "hoped",
    "aim",
    "aims",
    "aimed",
    "want",
    "wants",
    "wanted",
    "vow",
    "vows",
    "vowed",
    "promise",
    "promises",
    "promised",
    "pledge",
    "pledges",
    "pledged",
    "intend",
    "intends",
    "seek",
    "seeks",
    "sought",
    "threaten",
    "threatens",
    "threatened",
    "agree",
    "agrees",
    "agreed",
    "prepare",
    "prepares",
    "prepared",
    // The progressives of the same aims: "was hoping to get home for Christmas".
    "hoping",
    "aiming",
    "wanting",
    "vowing",
    "promising",
    "pledging",
    "intending",
    "seeking",
    "threatening",
    "preparing",
];

/// Nouns of what is issued at a date: a month or day before one names when it was issued ("its
/// August forecast", "the May jobs report").
const ISSUED_NOUNS: &[&str] = &[
    "forecast",
    "forecasts",
    "outlook",
    "guidance",
    "estimate",
    "estimates",
    "projection",
    "projections",
    "report",
    "survey",
    "statement",
    "filing",
    "poll",
    "figures",
    "data",
];

/// Nouns of fixtures, events held on a day set in advance ("Tuesday's match", "Sunday's vote").
const FIXTURES: &[&str] = &[
    "match",
    "game",
    "race",
    "final",
    "semifinal",
    "opener",
    "fixture",
    "vote",
    "election",
    "primary",
    "runoff",
    "referendum",
    "meeting",
    "summit",
    "debate",
    "hearing",
    "session",
    "ceremony",
    "concert",
    "parade",
    "rally",
    "launch",
    "auction",
];

/// Words that may follow a fixture's noun when it heads its phrase ("Tuesday's match at home",
/// not "Tuesday's election results").
const FIXTURE_FOLLOWERS: &[&str] =
    &["at", "against", "in", "on", "with", "and", "or", "to", "for", "from", "between", "of", "if", "when"];

/// Base forms of schedule verbs ("go to the polls", "meet", "resume"), read as the present of a
/// plural subject only (see [`plural_subject_before`]).
const BASE_SCHEDULE: &[&str] = &[
    "go",
    "head",
    "meet",
    "vote",
    "begin",
    "start",
    "open",
    "close",
    "reopen",
    "resume",
    "return",
    "arrive",
    "leave",
    "play",
    "face",
    "travel",
    "visit",
    "reconvene",
    "convene",
    "end",
    "expire",
    "debut",
    "launch",
    "host",
    "hold",
];

/// Whether token `i` (a verb's base form) follows a plural subject: a relative pronoun ("who go"), a
/// pronoun that takes the base form ("we go"), a capitalized name after "the" ("The Heat play"), or
/// a word ending in one "s" that is no verb or pronoun ("the talks resume", "Talks resume"), not
/// "to", a modal or "did".
fn plural_subject_before(toks: TokenSlice, i: usize, text: &str) -> bool {
    // "Tickets for the season, which runs through next May, go on sale Monday": across a relative
    // aside set off by commas.
    if i > 2 && toks.key(i - 1) == "," {
        let open = (i.saturating_sub(14)..i - 1).rev().find(|&j| toks.key(j) == ",");
        if let Some(j) = open.filter(|&j| j > 0 && matches!(toks.key(j + 1), "which" | "who")) {
            return plural_subject_before(toks, j, text);
        }
    }
    plural_word_before(toks, i, text)
        // "Voters in Georgia go to the polls", "Talks with the union resume Monday", "Tickets for
        // the match go on sale Monday": a plural head before a short phrase.
        || (!matches!(toks.key(i - 1), "to" | "not" | "never" | "also" | "did" | "do" | "does" | "and" | "or")
            // (A noun after a determiner: "said that at the close of business Thursday".)
            && !DETERMINERS.contains(&toks.key(i - 1))
            && tense_word(toks.key(i - 1)).is_none())
            && (2..=4).any(|k| {
            i > k
                && matches!(
                    toks.key(i - k),
                    "in" | "of" | "from" | "across" | "around" | "throughout" | "for" | "with" | "at"
                )
                && (i - k + 1..i).all(|j| toks.toks[j].kind == TokKind::Word)
                && plural_word_before(toks, i - k, text)
                && toks.key(i - k - 1) != "the"
        })
}

/// Whether the word right before token `i` is a plural subject (see [`plural_subject_before`]).
fn plural_word_before(toks: TokenSlice, i: usize, text: &str) -> bool {
    let p = toks.key(i - 1);
    // (A pronoun that takes the base form: "we go again on Wednesday", "they play Sunday".)
    if matches!(p, "who" | "which" | "that" | "we" | "they" | "you" | "i") {
        return true;
    }
    // "The Heat play again Wednesday": a team's name after "the".
    let t = &toks.toks[i - 1];
    if i > 1
        && toks.key(i - 2) == "the"
        && t.kind == TokKind::Word
        && text[t.start..t.end].starts_with(|c: char| c.is_ascii_uppercase())
    {
        return true;
    }
    toks.toks[i - 1].kind == TokKind::Word
        && p.len() > 3
        && p.ends_with('s')
        && !p.ends_with("ss")
        && !p.ends_with("'s")
        && !matches!(
            p,
            "this" | "thus" | "does" | "plus" | "was" | "has" | "his" | "its" | "less" | "unless" | "perhaps"
        )
}

/// Words that, followed by "for" or "to", state a plan.
pub(crate) const PLANNED_WORDS: &[&str] = &["set", "scheduled", "slated", "due", "poised", "plan"];

/// Forms of "have" that, before a participle, make the present perfect.
const HAVE_WORDS: &[&str] = &["has", "have", "'ve", "hasn't", "haven't", "having"];

/// Whether [`read_cue`] may find a cue in the word `k`: false proves it finds none, so that most
/// words of a sentence are turned away by a filter on their first two letters and length (every word
/// [`read_cue`] names or the tense table holds is in the filter; the endings are tested as they are).
// (Always inlined, into [`SentenceCues::cue`]: most words stop at its filter.)
#[inline(always)]
fn may_cue(k: &str) -> bool {
    use crate::lexicon::KeyFilter;
    use std::sync::OnceLock;
    static FILTER: OnceLock<KeyFilter> = OnceLock::new();
    let filter = FILTER.get_or_init(|| {
        let mut f = KeyFilter::default();
        lexicon().tense.keys().for_each(|w| f.insert(w));
        PLANNED_WORDS
            .iter()
            .chain(HAVE_WORDS)
            .chain(NAMED_CUES)
            .chain(INTENTS)
            .chain(BASE_SCHEDULE)
            .for_each(|w| f.insert(w));
        f
    });
    // (The endings by the last byte: one test for most words, not three.)
    filter.may_contain(k)
        || match k.as_bytes().last() {
            Some(b'l') => k.ends_with("'ll"),
            Some(b't') => k.ends_with("n't"),
            Some(b'd') => k.ends_with("ed"),
            _ => false,
        }
}

/// The tense the lexicon gives the word `k`, if any: most words are turned away by a filter on their
/// first two letters and length, and the rest looked up as packed integers (every word of a
/// sentence is asked; hashing the key cost some 40 instructions more a word that passed). A key
/// longer than a packed one is asked of the lexicon's table.
pub(crate) fn tense_word(k: &str) -> Option<Tense> {
    use crate::lexicon::packed::{ShortMap, SHORT_MAP_KEY};
    use crate::lexicon::KeyFilter;
    use std::sync::OnceLock;
    /// The tenses by their index in the packed map.
    const TENSES: [Tense; 6] = [Tense::Past, Tense::PastVerb, Tense::Present, Tense::Future, Tense::Since, Tense::Open];
    static TABLE: OnceLock<(KeyFilter, ShortMap)> = OnceLock::new();
    let (filter, short) = TABLE.get_or_init(|| {
        let tense = &lexicon().tense;
        let mut f = KeyFilter::default();
        tense.keys().for_each(|w| f.insert(w));
        let index = |t: &Tense| TENSES.iter().position(|x| x == t).expect("every tense listed") as u32;
        (f, ShortMap::new(tense.iter().map(|(w, t)| (w.as_str(), index(t)))))
    });
    if !filter.may_contain(k) {
        return None;
    }
    if (1..=SHORT_MAP_KEY).contains(&k.len()) {
        return short.get(k).map(|i| TENSES[i as usize]);
    }
    long_tense_word(k)
}

/// [`tense_word`] of a key too long to pack (or empty), from the lexicon's table. Out of line:
/// inlined, its hashing made every call save and restore six registers, about 0.2M instructions
/// on the 2 MB sample in some builds.
#[cold]
#[inline(never)]
fn long_tense_word(k: &str) -> Option<Tense> {
    lexicon().tense.get(k).copied()
}

/// Token `i` reads as a regular past form: at least `min_len` letters ending in "-ed" (not "-eed",
/// not "hundred"), written in lower case ("Ted" is a name).
fn regular_past(toks: TokenSlice, i: usize, text: &str, min_len: usize) -> bool {
    let t = &toks.toks[i];
    regular_past_key(toks.key(i), min_len) && !text[t.start..t.end].starts_with(char::is_uppercase)
}

/// The lookup key `k` has the shape of a regular past form: at least `min_len` letters ending in
/// "-ed", not "-eed", not "hundred" (the case of the written word is the caller's to check).
pub(crate) fn regular_past_key(k: &str, min_len: usize) -> bool {
    k.len() >= min_len && k.ends_with("ed") && !k.ends_with("eed") && k != "hundred"
}

/// Adverbs that may stand between "has" and its participle ("has already said", "have not seen").
const PERFECT_ADVERBS: &[&str] =
    &["not", "never", "already", "also", "just", "long", "since", "recently", "only", "yet"];

/// Does a past participle follow from token `i` on, after at most two adverbs? Then the "has" or
/// "have" before it makes the present perfect ("have cared for him since November"), which tells
/// of the past.
fn perfect(toks: TokenSlice, mut i: usize, text: &str) -> bool {
    let lex = lexicon();
    for _ in 0..3 {
        if i >= toks.len() || toks.toks[i].kind != TokKind::Word {
            return false;
        }
        let k = toks.key(i);
        if PERFECT_ADVERBS.contains(&k) {
            i += 1;
            continue;
        }
        return lex.participles.contains(k)
            || lex.tense.get(k) == Some(&Tense::PastVerb)
            || regular_past(toks, i, text, 4);
    }
    false
}

/// The indices of `[lo, left)` and `[right, hi)`, nearest to the mention's tokens `[first, last)`
/// first (`left <= first`, `right >= last`): a token before the mention is as far as its distance
/// to `first`, one after it as its distance to `last`, and of two equally far the one before comes
/// first (the order in which a scan in text order would keep the nearest).
fn outward(
    (first, last): (usize, usize),
    (lo, left): (usize, usize),
    (right, hi): (usize, usize),
) -> impl Iterator<Item = usize> {
    let (mut l, mut r) = (left, right);
    std::iter::from_fn(move || {
        let before = (l > lo).then(|| first - (l - 1));
        let after = (r < hi).then(|| r - last);
        match (before, after) {
            (Some(b), Some(a)) if b > a => {}
            (Some(_), _) => {
                l -= 1;
                return Some(l);
            }
            (None, None) => return None,
            (None, Some(_)) => {}
        }
        r += 1;
        Some(r - 1)
    })
}

/// The tense of the clause holding the byte span `[start, end)` within sentence `[s0, s1)` of `text`.
pub fn clause_tense(text: &str, sentence: (usize, usize), span: (usize, usize)) -> Option<Tense> {
    SentenceCues::new(text, sentence).clause_tense(span)
}

/// The room for the cues of a [`SentenceCues`], handed from one sentence to the next (a list
/// allocated per sentence cost about a hundred instructions more each).
#[derive(Debug, Default)]
pub struct CueBuffer(Vec<Cell<Option<Option<Tense>>>>);

impl CueBuffer {
    /// The number of cues it has room for.
    pub fn capacity(&self) -> usize {
        self.0.capacity()
    }
}

/// A sentence's tokens and the tense cue of each, read once for all the mentions in it, and only
/// for the tokens a mention's clause asks about (most clauses hold a cue: the rest of the sentence
/// is seldom read).
#[derive(Debug)]
pub struct SentenceCues<'a> {
    /// The sentence's byte span in the document.
    pub span: (usize, usize),
    text: &'a str,
    toks: SentenceTokens<'a>,
    /// The cue of each token once read (`None` before).
    cues: Vec<Cell<Option<Option<Tense>>>>,
}

/// Where a sentence's tokens are: in its own buffer, or in a window the grammar read (the buffer,
/// then unused, kept to be handed back).
#[derive(Debug)]
enum SentenceTokens<'a> {
    Own(Tokens),
    Window(TokenSlice<'a>, Tokens),
}

impl SentenceTokens<'_> {
    /// The sentence's tokens.
    #[inline]
    fn slice(&self) -> TokenSlice<'_> {
        match self {
            SentenceTokens::Own(toks) => toks.slice(),
            SentenceTokens::Window(slice, _) => *slice,
        }
    }
}

impl<'a> SentenceCues<'a> {
    /// Tokenizes the sentence `[s0, s1)` of `text`; its cues are read when asked.
    pub fn new(text: &'a str, sentence: (usize, usize)) -> SentenceCues<'a> {
        let mut toks = Tokens::default();
        toks.tokenize(&text[sentence.0..sentence.1], sentence.0);
        let cues = vec![Cell::new(None); toks.len()];
        SentenceCues { span: sentence, text, toks: SentenceTokens::Own(toks), cues }
    }

    /// [`SentenceCues::new`], tokenizing into `toks` and keeping the cues in `cues` (buffers to
    /// reuse, whatever they hold), with the tokens of the parts in windows of `kept` taken from
    /// there: of a sentence inside a window, its tokens are read there, not copied (see
    /// [`WindowTokens::sentence`]).
    pub fn with_buffer(
        text: &'a str,
        sentence: (usize, usize),
        (mut toks, cues): (Tokens, CueBuffer),
        kept: &'a WindowTokens,
    ) -> SentenceCues<'a> {
        let toks = match kept.sentence(text, sentence) {
            Some(slice) => SentenceTokens::Window(slice, toks),
            None => {
                toks.tokenize_reusing(text, sentence, kept);
                SentenceTokens::Own(toks)
            }
        };
        let mut cues = cues.0;
        cues.clear();
        cues.resize(toks.slice().len(), Cell::new(None));
        SentenceCues { span: sentence, text, toks, cues }
    }

    /// The tense cue of token `i`, read the first time it is asked (inlined: most asks find it
    /// read, or the token no word that may be a cue, which [`may_cue`] tells at once). A token
    /// turned away is remembered too: the clauses of a sentence's mentions, and the tests after the
    /// first search, ask many of the same tokens again.
    // (Always: LTO left it out of line, a call for each of the words a clause's tense reads.)
    #[inline(always)]
    fn cue(&self, toks: TokenSlice, i: usize) -> Option<Tense> {
        match self.cues[i].get() {
            Some(known) => known,
            None if toks.toks[i].kind != TokKind::Word || !may_cue(toks.key(i)) => {
                self.cues[i].set(Some(None));
                None
            }
            None => self.read_and_keep(toks, i),
        }
    }

    /// [`SentenceCues::cue`] of a word that may be a cue, the first time: read and remembered.
    #[inline(never)]
    fn read_and_keep(&self, toks: TokenSlice, i: usize) -> Option<Tense> {
        let c = read_cue(toks, i, self.text);
        self.cues[i].set(Some(c));
        c
    }

    /// The sentence's tokens (as [`Tokens::tokenize`] gives them for its span), for other readers
    /// of the same sentence, such as headlines.
    pub fn into_tokens(self) -> Tokens {
        match self.toks {
            SentenceTokens::Own(toks) => toks,
            SentenceTokens::Window(_, mut toks) => {
                toks.tokenize(&self.text[self.span.0..self.span.1], self.span.0);
                toks
            }
        }
    }

    /// Whether the sentence's tokens are in its own buffer (which [`SentenceCues::into_buffers`]
    /// then hands back with them), not read in a window.
    pub fn owns_tokens(&self) -> bool {
        matches!(self.toks, SentenceTokens::Own(_))
    }

    /// The token buffer (with the sentence's tokens when [`SentenceCues::owns_tokens`]), with the
    /// list of cues to reuse for another sentence.
    pub fn into_buffers(self) -> (Tokens, CueBuffer) {
        let toks = match self.toks {
            SentenceTokens::Own(toks) | SentenceTokens::Window(_, toks) => toks,
        };
        (toks, CueBuffer(self.cues))
    }

    /// The tense of the clause holding the byte span `[start, end)` of this sentence.
    pub fn clause_tense(&self, span: (usize, usize)) -> Option<Tense> {
        let toks = self.toks.slice();
        let n = toks.len();
        // The first token ending after the span's start and the last starting before its end.
        // Tokens come in text order without overlapping, so both their starts and their ends
        // increase: two binary searches.
        let first = toks.toks.partition_point(|t| t.end <= span.0);
        let last = match toks.toks.partition_point(|t| t.start < span.1) {
            0 => first,
            p => p,
        };
        debug_assert_eq!(first, toks.toks.iter().position(|t| t.end > span.0).unwrap_or(n));
        debug_assert_eq!(last, toks.toks.iter().rposition(|t| t.start < span.1).map_or(first, |i| i + 1));
        // Clause bounds around the mention. (Brackets and boundaries are punctuation, and the
        // words that open a clause words: each token asks only the tests of its kind.)
        let mut lo = first;
        while lo > 0 {
            let k = toks.key(lo - 1);
            if toks.toks[lo - 1].kind == TokKind::Punct {
                // A short aside in brackets is part of the clause around it, whether the mention is
                // in it ("will leave at 4 in the morning (4 a.m. EDT Thursday)") or after it ("set
                // for 1:47 a.m. EDT (0547 GMT) on Thursday").
                if let Some(open) = aside_open(toks, lo - 1, last) {
                    lo = open;
                    continue;
                }
                if is_boundary_punct(k) {
                    break;
                }
                lo -= 1;
                continue;
            }
            lo -= 1;
            // Right before the mention, "until", "after", "since" are prepositions ("until Jan. 6");
            // the first "as" of "as early as Wednesday" opens no clause either.
            let comparative = k == "as" && lo + 2 < first && toks.key(lo + 2) == "as";
            if is_clause_start(k) && lo + 1 < first && !comparative {
                break;
            }
        }
        // (A relative clause: its verb comes before the mention.)
        let relative = lo < first && matches!(toks.key(lo), "that" | "which" | "who");
        let mut hi = last;
        while hi < n {
            let k = toks.key(hi);
            if toks.toks[hi].kind == TokKind::Punct {
                if let Some(close) = aside_close(toks, hi, first) {
                    hi = close + 1;
                    continue;
                }
                if is_boundary_punct(k) {
                    break;
                }
                hi += 1;
                continue;
            }
            if is_clause_start(k) {
                break;
            }
            // "held a rally on Saturday and were planning to march", "was limited in practice
            // Wednesday but is expected to play": a second verb phrase.
            if matches!(k, "and" | "but") && hi + 1 < n && self.cue(toks, hi + 1).is_some() {
                break;
            }
            // "A heat wave that began over the weekend will peak on Thursday": a relative clause
            // ends where the main clause's auxiliary comes.
            if relative && is_auxiliary_or_modal(k) {
                break;
            }
            hi += 1;
        }
        // "since March": the start of a span that reaches the present lies in the past.
        if first > 0 && toks.key(first - 1) == "since" {
            return Some(Tense::Since);
        }
        // A reporting verb right beside the mention ("said Tuesday", "on Tuesday said") governs it.
        let beside = |i: usize| is_reporting(toks.key(i)).then(|| self.cue(toks, i)).flatten();
        let before = (first > 0).then(|| first - 1).filter(|&i| toks.key(i) != "on").or_else(|| first.checked_sub(2));
        let reported = (last < n).then(|| beside(last)).flatten().or_else(|| before.and_then(beside));
        if let Some(t) = reported {
            return Some(if t == Tense::PastVerb { Tense::Past } else { t });
        }
        // "ahead of Tuesday's vote": what something is ahead of is to come; after a past event
        // ("stocks rose ahead of Tuesday's vote") it may have come since: the nearest one.
        let before_the = (0..first).rev().find(|&i| !matches!(toks.key(i), "the" | "this" | "next"));
        let ahead_of = before_the.is_some_and(|i| i > 0 && toks.key(i) == "of" && toks.key(i - 1) == "ahead")
            // A deadline, too, is to come, or just past: "days before a Friday deadline", "Friday's
            // deadline".
            || (last < n && toks.key(last) == "deadline")
            || (last + 1 < n && matches!(toks.key(last), "'s" | "’s") && toks.key(last + 1) == "deadline");
        // A day's event named by a possessive after a verb or preposition has happened ("markets are
        // recovering from Tuesday's selloff", "police are investigating Monday's shooting", "ways to
        // get around Wednesday's ruling"), unless it is prepared for or awaited ("the city is
        // bracing for Saturday's storm", "investors await Friday's jobs report", "economists expect
        // Friday's report to show") or lies ahead (below). As a subject ("Sunday's election will decide")
        // it follows its clause; "in a year's time" is no day's event.
        let possessive = last < n && matches!(toks.key(last), "'s" | "’s");
        let named = || self.text[toks.toks[first].start..].starts_with(|c: char| c.is_uppercase());
        let object = before_the.is_some_and(|i| toks.toks[i].kind == TokKind::Word);
        if possessive && !ahead_of && object && named() {
            let awaited = before_the.is_some_and(|i| {
                matches!(
                    toks.key(i),
                    "for"
                        | "await"
                        | "awaits"
                        | "awaiting"
                        | "awaited"
                        | "anticipating"
                        | "eyeing"
                        | "watching"
                        | "expect"
                        | "expects"
                        | "expecting"
                        | "anticipate"
                        | "anticipates"
                )
            });
            // A fixture named by its day, in a clause that looks ahead, is to come ("he could make
            // his debut in Tuesday's league match", "will miss Saturday's final"); an incident is
            // not ("police will investigate Monday's shooting"), nor what a fixture left ("will
            // certify Tuesday's election results").
            let fixture = || {
                (last + 1..n.min(last + 3)).find(|&i| FIXTURES.contains(&toks.key(i))).is_some_and(|i| {
                    i + 1 >= n || toks.toks[i + 1].kind != TokKind::Word || FIXTURE_FOLLOWERS.contains(&toks.key(i + 1))
                }) && (lo..first).any(|i| self.cue(toks, i) == Some(Tense::Future))
            };
            return Some(if awaited || fixture() { Tense::Future } else { Tense::Past });
        }
        // A forecast or report named by its month ("up from its August forecast", "the May jobs
        // report"): issued near the date of the news, before or after it, whatever the clause's
        // tense ("expects revenue to beat its August forecast" in October is last August's).
        let issued = |i: usize| i < n && ISSUED_NOUNS.contains(&toks.key(i));
        // (The determiner may open the mention, "The weekend figures", or an adjective of the
        // release stand for it, "Final weekend figures".)
        let determined = (first > 0
            && matches!(
                toks.key(first - 1),
                "its" | "their" | "his" | "her" | "the" | "our" | "final" | "preliminary" | "revised"
            ))
            || (first + 1 < last && toks.key(first) == "the");
        if determined && (issued(last) || (last < n && toks.toks[last].kind == TokKind::Word && issued(last + 1))) {
            return None;
        }
        // A date stated as what something is ("the deadline is Friday", "the vote is on Tuesday"):
        // a schedule, so the day to come.
        let stated = (0..first).rev().find(|&i| !matches!(toks.key(i), "on" | "for" | "at" | "in"));
        if stated.is_some_and(|i| matches!(toks.key(i), "is" | "are" | "'s")) {
            return Some(Tense::Future);
        }
        // "the features it promised in June would not arrive", "the plant, opened in May, will
        // close": a past verb right before the preposition that dates it tells of what is done,
        // whatever the main clause's tense; not a passive or perfect ("will be held in June") nor a
        // plan ("a ruling expected in June").
        // A forecast's participle right after a pronoun is its past verb, done: "later than they
        // expected in September", "as he predicted in May" (the word is a cue of the future).
        let finite = |verb: &str| {
            first > 2
                && (FORECASTS.contains(&verb) || PLANS.contains(&verb))
                && matches!(toks.key(first - 3), "they" | "he" | "she" | "we" | "i" | "you" | "who")
        };
        if first > 1
            && matches!(toks.key(first - 1), "in" | "on")
            && (self.cue(toks, first - 2) == Some(Tense::PastVerb) || finite(toks.key(first - 2)))
        {
            let verb = toks.key(first - 2);
            let helped =
                first > 2 && (self.cue(toks, first - 3).is_some() || matches!(toks.key(first - 3), "be" | "to"));
            // A past form that is also a noun, after a determiner, is the noun: "the first cut in
            // September", "another hit in May".
            let noun = first > 2 && DETERMINERS.contains(&toks.key(first - 3));
            // A participle after "with" and its noun tells a state, not what was done: "with sites
            // closed on Thanksgiving Day".
            let absolute = (first.saturating_sub(5)..first - 2).any(|j| toks.key(j) == "with");
            let planned = FORECASTS.contains(&verb) || PLANS.contains(&verb);
            if !helped && !noun && !absolute && (finite(verb) || !planned) && !is_delay(verb) {
                // Done, so on or before the publication date: "he planted in late September" in
                // August is last September (a past clause's month otherwise may be the coming one).
                return Some(Tense::Since);
            }
        }
        // A date something was appointed for ("the judge set sentencing for Feb. 3", "called a snap
        // election for May 5", "postponed the vote to Nov. 5"): still to come when it was appointed.
        if first > 1 && matches!(toks.key(first - 1), "for" | "to") {
            let to = toks.key(first - 1) == "to";
            // (Right before the preposition only when moved: "was moved to Thursday"; "set for"
            // right before a date is a plan the cue reader knows.)
            let appointed = (lo..first - 1).any(|i| {
                let k = toks.key(i);
                let moved = is_delay(k) || matches!(k, "moved" | "pushed" | "moves" | "pushes");
                is_appointing(k) && (!to || moved) && (i + 2 < first || moved)
            });
            if appointed {
                return Some(Tense::Future);
            }
        }
        // The start of a notice's span, told when it was issued, is the day of the issuing's week: the
        // issuing is the news, and the span starts with it or after ("The weather service issued a flood
        // watch from 4 p.m. Thursday" on a Wednesday is the next day; "imposed a curfew from 8
        // p.m. Saturday" on a Friday, the next day; "issued a warning for Thursday").
        // The issuing is the nearest verb before, across the commas of a list ("issued a warning for
        // Minnesota, Wisconsin and northern Illinois from 6 p.m. Wednesday"), within the clause's
        // sentence part (not before a clause start or a semicolon).
        let issued = || {
            (0..first - 1)
                .rev()
                .take_while(|&i| !is_clause_start(toks.key(i)) && !matches!(toks.key(i), ";" | ":"))
                .find(|&i| ISSUES.contains(&toks.key(i)) || self.cue(toks, i).is_some())
                .is_some_and(|i| ISSUES.contains(&toks.key(i)))
        };
        if first > 1
            && matches!(toks.key(first - 1), "from" | "for" | "starting" | "beginning" | "effective")
            && issued()
        {
            return Some(Tense::Open);
        }
        // In its clause, auxiliaries and cue words outrank lexical verbs ("beaches would stay closed
        // through the weekend"). Outside it, a fronted date ("On Tuesday, the board said voting will
        // begin") belongs to the nearest verb of any kind: the main clause's.
        // In the clause, the nearest cue other than a lexical verb, else the nearest lexical verb;
        // failing both, the nearest cue in the rest of the sentence. Tokens are read outward from
        // the mention, nearest first, so the search stops at the first cue that decides.
        let mut verb = false;
        let tense = outward((first, last), (lo, first), (last, hi))
            .find_map(|i| match self.cue(toks, i) {
                Some(Tense::PastVerb) => {
                    verb = true;
                    None
                }
                t => t,
            })
            .or_else(|| verb.then_some(Tense::PastVerb))
            // Outside the clause, a report that ends the sentence after it ("The cold will sweep in
            // late Wednesday, with temperatures falling below zero by Thursday morning, forecasters
            // said Tuesday") frames the sentence rather than dating what it reports: the cues of the
            // clauses before come first. (Not after a clause that opens the sentence: "Over the
            // weekend, officials confirmed reports that ships could head ..." is the report's.)
            .or_else(|| {
                let mut report = None;
                let ends = |i: usize| n - i <= 6 && !(i + 1..n - 1).any(|j| is_boundary_punct(toks.key(j)));
                // So does a report set between commas before the clause ("The coldest air will
                // spill in starting Wednesday night, forecasters said Tuesday, with wind chills as low
                // as 45 below zero by Thursday morning"), after a clause of the sentence.
                let aside = |i: usize| {
                    let open = (i.saturating_sub(6)..i).rev().find(|&j| is_boundary_punct(toks.key(j)));
                    let close = (i + 1..n.min(i + 6)).find(|&j| is_boundary_punct(toks.key(j)));
                    matches!((open, close), (Some(o), Some(c)) if o > 0 && c < lo && toks.key(o) == "," && toks.key(c) == ",")
                };
                outward((first, last), (0, lo), (hi, n))
                    .find_map(|i| {
                        let t = self.cue(toks, i)?;
                        if lo > 0 && is_reporting(toks.key(i)) && if i >= hi { ends(i) } else { aside(i) } {
                            report.get_or_insert(t);
                            return None;
                        }
                        Some(t)
                    })
                    .or(report)
            })
            .map(|t| if t == Tense::PastVerb { Tense::Past } else { t })
            // With no cue in the sentence, a noun and an infinitive before the mention tell what is
            // to come, as a headline does ("Heat wave to peak Thursday"; not "Trip to Paris").
            .or_else(|| {
                (lo + 1..first)
                    .any(|j| {
                        toks.key(j) == "to"
                            && toks.toks[j - 1].kind == TokKind::Word
                            && j + 1 < first
                            && toks.toks[j + 1].kind == TokKind::Word
                            && self.text[toks.toks[j + 1].start..].starts_with(|c: char| c.is_ascii_lowercase())
                    })
                    .then_some(Tense::Future)
            });
        // "ordered Reed, 58, to pay $1.2 million and to report to prison by Jan. 15": what one is
        // told to do is still ahead of the telling, when the telling is the nearest verb before the
        // mention and an infinitive stands between ("ordered him on Monday to pay" keeps Monday).
        // (Asked only of a clause read as past: the telling is.)
        let directed = || {
            (0..first).rev().find(|&i| self.cue(toks, i).is_some()).is_some_and(|v| {
                // ("were told to leave on Monday": told of in the passive, as done.)
                let passive = v > 0 && matches!(toks.key(v - 1), "was" | "were" | "been");
                is_directive(toks.key(v)) && !passive && (v + 1..first).any(|j| toks.key(j) == "to")
            })
        };
        if tense == Some(Tense::Past) && directed() {
            return Some(Tense::Future);
        }
        // "The death toll is 40 as of Sunday": where things stand, on a day come, in the present (not
        // "As of Monday, masks will be optional").
        if tense == Some(Tense::Present) && first > 1 && toks.key(first - 1) == "of" && toks.key(first - 2) == "as" {
            return Some(Tense::Past);
        }
        // A plan told in the past ("the vote was scheduled for March but was postponed", "A second
        // walkout, planned for August, was called off"): its date was ahead of the telling, which may
        // have come since, so neither lean: read as the end of a span is (`Tense::Open`). Told in the
        // present ("is scheduled for", "the rally, planned for Saturday, will go ahead") it is to come.
        let told_past = || {
            let p = first.checked_sub(2).filter(|&p| {
                toks.key(p + 1) == "for" && matches!(toks.key(p), "planned" | "scheduled" | "set" | "slated" | "due")
            });
            p.is_some_and(|p| match p.checked_sub(1).map(|i| toks.key(i)) {
                Some("was" | "were") => true,
                Some("been") => p > 1 && toks.key(p - 2) == "had",
                Some(k) if !matches!(k, "is" | "are" | "'s" | "be" | "being" | "will" | "has" | "have") => {
                    // A bare participle: the main verb after it tells.
                    (last..n)
                        .find_map(|i| self.cue(toks, i))
                        .is_some_and(|t| matches!(t, Tense::Past | Tense::PastVerb))
                }
                _ => false,
            })
        };
        if matches!(tense, Some(Tense::Future | Tense::Past)) && told_past() {
            return Some(Tense::Open);
        }
        if ahead_of {
            return Some(if tense == Some(Tense::Past) { Tense::Open } else { Tense::Future });
        }
        // The end of a span ("loans through January", "remain in Miami until March 6") lies beyond a
        // past clause as often as not: no lean back.
        // "until after the Nov. 5 election", "until at least Thursday" too: determiners,
        // "after"/"before" and "at least" may stand between.
        // A past verb right before the preposition ("worked through the weekend", "talked until
        // Monday") tells of a span already over, unless it moved the end ("extended through January").
        let ran_through = |i: usize| {
            let verb = toks.key(i);
            self.cue(toks, i) == Some(Tense::PastVerb) && !is_delay(verb) && !matches!(verb, "extended" | "prolonged")
        };
        let deadline = (0..first)
            .rev()
            .take(4)
            .find(|&i| {
                !matches!(
                    toks.key(i),
                    "the" | "a" | "an" | "after" | "before" | "its" | "his" | "her" | "their" | "at" | "least"
                )
            })
            .filter(|&i| matches!(toks.key(i), "until" | "through" | "till" | "by") && (i == 0 || !ran_through(i - 1)));
        // A span told in the present simple runs now, so its end is to come: "their mandate runs
        // until April", "the exhibit lasts through March".
        let running = deadline.is_some_and(|i| {
            i > 0
                && matches!(
                    toks.key(i - 1),
                    "runs" | "run" | "lasts" | "last" | "continues" | "remains" | "stays" | "extends"
                )
        });
        // "Through Sunday, the film had earned $100 million": a span fronted before a past clause
        // is told as over.
        let fronted = deadline == Some(0) && last < n && toks.key(last) == ",";
        let deadline = deadline.map(|i| toks.key(i));
        match (tense, deadline) {
            (_, Some(_)) if (lo..first).any(|i| is_delay(toks.key(i))) => Some(Tense::Future),
            (Some(Tense::Present) | None, Some(_)) if running => Some(Tense::Future),
            // "By late Thursday, the storm had moved out to sea": what was done by then is over; told
            // first, not after the publication date either ("By the end of January, the virus had
            // spread" in late December is last January, not the one days away).
            (Some(Tense::Past), Some("by")) if fronted => Some(Tense::Since),
            (Some(Tense::Past), Some("by")) => Some(Tense::Past),
            (Some(Tense::Past), Some(_)) if fronted => Some(Tense::Past),
            (Some(Tense::Past | Tense::Present) | None, Some(_)) => Some(Tense::Open),
            (t, _) => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, mention: &str) -> Option<Tense> {
        let s = sentence.find(mention).unwrap();
        clause_tense(sentence, (0, sentence.len()), (s, s + mention.len()))
    }

    /// `tense_word` answers as the lexicon's table: every word of it, the same words changed by a
    /// letter or cut short, and keys too long to pack.
    #[test]
    fn tense_words_answer_as_the_table() {
        let table = &lexicon().tense;
        let mut words: Vec<String> = table.keys().cloned().collect();
        for w in table.keys() {
            words.push(format!("{w}s"));
            words.push(format!("x{w}"));
            let mut cut = w.chars();
            cut.next_back();
            words.push(cut.as_str().to_string());
        }
        words.extend(["", "a", "ordinary", "the", "nevertheless-and-so-on-and-on"].map(String::from));
        for w in &words {
            assert_eq!(tense_word(w), table.get(w.as_str()).copied(), "{w:?}");
        }
    }

    /// The filter before [`read_cue`] turns away no word it reads a cue from: every word of the
    /// tense table and of the lists, in the contexts that make them cues, and other words.
    #[test]
    fn the_cue_filter_keeps_every_cue() {
        let mut words: Vec<String> = lexicon().tense.keys().map(|w| w.to_string()).collect();
        words.extend(
            PLANNED_WORDS
                .iter()
                .chain(HAVE_WORDS)
                .chain(NAMED_CUES)
                .chain(INTENTS)
                .chain(BASE_SCHEDULE)
                .map(|w| w.to_string()),
        );
        words.extend(
            [
                "he'll", "won't", "didn't", "can't", "walked", "Walked", "hundred", "agreed", "Ted", "said", "the",
                "Monday",
            ]
            .map(String::from),
        );
        let contexts = [
            "{} for",
            "{} to",
            "{} planning",
            "{} effect",
            "{} into force",
            "had {}",
            "{} planned",
            "{} seen",
            "{} come",
            "talks {}",
            "who {}",
            ", to {} held",
            "Apple {} earnings",
            "{} reporting",
        ];
        let mut toks = Tokens::default();
        let (mut cues, mut checked) = (0, 0);
        for w in &words {
            for context in contexts {
                let text = context.replace("{}", w);
                toks.tokenize(&text, 0);
                for i in 0..toks.len() {
                    if toks.toks[i].kind == TokKind::Word && read_cue(toks.slice(), i, &text).is_some() {
                        cues += 1;
                        assert!(may_cue(toks.key(i)), "{text:?}: {:?}", toks.key(i));
                    }
                    checked += 1;
                }
            }
        }
        assert!(cues > 1000 && checked > cues, "{cues} of {checked}");
    }

    /// Reading outward from a mention meets the tokens in the order of their distance to it, the
    /// earlier of two equally far first: as a scan in text order keeping the strictly nearer would
    /// rank them.
    #[test]
    fn outward_reads_the_nearest_tokens_first() {
        for n in 0..9usize {
            for first in 0..=n {
                for last in first..=n {
                    for (lo, hi) in [(0, n), (first.saturating_sub(2), (last + 1).min(n)), (first, last)] {
                        let distance = |i: usize| i.abs_diff(first).min(i.abs_diff(last));
                        let mut want: Vec<usize> = (lo..hi).filter(|&i| i < first || i >= last).collect();
                        want.sort_by_key(|&i| (distance(i), i));
                        let got: Vec<usize> = outward((first, last), (lo, first), (last, hi)).collect();
                        assert_eq!(got, want, "{n} {first} {last} {lo} {hi}");
                    }
                    let mut want: Vec<usize> = (0..n).filter(|&i| i < first.saturating_sub(1) || i > last).collect();
                    want.sort_by_key(|&i| (i.abs_diff(first).min(i.abs_diff(last)), i));
                    let (lo, hi) = (first.saturating_sub(1), (last + 1).min(n));
                    let got: Vec<usize> = outward((first, last), (0, lo), (hi, n)).collect();
                    assert_eq!(got, want, "{n} {first} {last}");
                }
            }
        }
    }

    #[test]
    fn word_tests_answer_as_their_lists() {
        let mut words: Vec<&str> = BOUNDARY_PUNCT.iter().chain(CLAUSE_STARTS).copied().collect();
        words.extend(["", "a", "at", "whe", "That", ".", "-", "\u{2019}", "ifs"]);
        for w in words {
            assert_eq!(is_boundary_punct(w), BOUNDARY_PUNCT.contains(&w), "{w:?}");
            assert_eq!(is_clause_start(w), CLAUSE_STARTS.contains(&w), "{w:?}");
        }
    }

    #[test]
    fn auxiliaries_outrank_lexical_verbs() {
        assert_eq!(
            tense("Officials said beaches would stay closed through the weekend.", "the weekend"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("A hearing is set for 10:30 a.m. Monday at City Hall.", "10:30 a.m. Monday"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn a_weekend_s_figures_are_dated_nearest_the_news() {
        assert_eq!(tense("The weekend figures will be released Monday afternoon.", "The weekend"), None);
        assert_eq!(tense("Final weekend figures will be released Monday.", "weekend"), None);
    }

    #[test]
    fn a_schedule_verb_after_a_pronoun_that_takes_its_base_form_is_to_come() {
        assert_eq!(tense("\"Now we go again on Wednesday.\"", "Wednesday"), Some(Tense::Future));
        assert_eq!(tense("They host Athletic on Wednesday.", "Wednesday"), Some(Tense::Future));
        assert_eq!(tense("He said they go on Wednesday.", "Wednesday"), Some(Tense::Future));
    }

    #[test]
    fn a_report_that_ends_the_sentence_yields_to_the_clauses_it_reports() {
        let s = "The cold will sweep in late Wednesday, with temperatures falling below zero by Thursday morning and staying there for much of the weekend, forecasters said Tuesday.";
        assert_eq!(tense(s, "Thursday morning"), Some(Tense::Future));
        assert_eq!(tense(s, "the weekend"), Some(Tense::Future));
        // Alone, or after a clause that opens the sentence, the report counts.
        let s = "With temperatures below zero by Thursday morning, forecasters said Tuesday.";
        assert_eq!(tense(s, "Thursday morning"), Some(Tense::Past));
        let s = "Over the weekend, officials confirmed reports that ships could head to the gulf.";
        assert_eq!(tense(s, "the weekend"), Some(Tense::Past));
    }

    #[test]
    fn an_infinitive_after_a_noun_with_no_other_cue_is_to_come() {
        assert_eq!(tense("Heat wave to peak Thursday as records fall", "Thursday"), Some(Tense::Future));
        assert_eq!(tense("Trip to Paris on Thursday", "Thursday"), None);
        assert_eq!(tense("He went to school on Thursday.", "Thursday"), Some(Tense::Past));
    }

    #[test]
    fn a_relative_clause_ends_at_the_main_clause_s_auxiliary() {
        let s = "A heat wave that began over the weekend will peak on Thursday.";
        assert_eq!(tense(s, "the weekend"), Some(Tense::Past));
        assert_eq!(tense(s, "Thursday"), Some(Tense::Future));
        assert_eq!(tense("Voters who will cast ballots on Sunday are angry.", "Sunday"), Some(Tense::Future));
    }

    #[test]
    fn a_short_aside_in_brackets_is_read_with_its_clause() {
        let s = "He will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.";
        assert_eq!(tense(s, "4 a.m. EDT Thursday"), Some(Tense::Future));
        let s = "Liftoff is set for 1:47 a.m. EDT (0547 GMT) on Thursday, with a backup on Friday.";
        assert_eq!(tense(s, "Thursday"), Some(Tense::Future));
        assert_eq!(tense(s, "0547 GMT"), Some(Tense::Future));
        // A long one is a clause of its own.
        let s = "Liftoff is set for 1:47 a.m. (the company said the rocket was rolled out to the pad) on Thursday.";
        assert_eq!(tense(s, "Thursday"), Some(Tense::Past));
    }

    #[test]
    fn a_reporting_verb_beside_a_date_dates_the_report() {
        assert_eq!(tense("The company said Tuesday it will close the plant.", "Tuesday"), Some(Tense::Past));
        assert_eq!(tense("Bush on Tuesday said the blockade may be extended.", "Tuesday"), Some(Tense::Past));
        assert_eq!(
            tense("The envoys issued a statement Friday saying entry will consolidate security.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("The group would be ready to leave as soon as Tuesday, Castro said.", "Tuesday"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn nearest_cue_in_the_clause_wins() {
        assert_eq!(tense("Trump speculated about it if he wins in November.", "November"), Some(Tense::Future));
        assert_eq!(tense("In November, sales fell.", "November"), Some(Tense::Past));
        assert_eq!(tense("They will meet on Monday.", "Monday"), Some(Tense::Future));
        assert_eq!(tense("Monday marked a partial return.", "Monday"), Some(Tense::Past));
        assert_eq!(tense("He is up against her in the upcoming November election.", "November"), Some(Tense::Future));
    }

    #[test]
    fn the_present_perfect_tells_of_the_past() {
        assert_eq!(tense("His relatives have cared for him since November.", "November"), Some(Tense::Since));
        assert_eq!(tense("Prices have already fallen from the middle of October.", "October"), Some(Tense::Past));
        assert_eq!(tense("She has been there since the Oct. 23 slaying.", "Oct. 23"), Some(Tense::Past));
        assert_eq!(tense("He has a meeting on Monday.", "Monday"), Some(Tense::Present));
        assert_eq!(
            tense("It has been on patrol since March and was scheduled to return.", "March"),
            Some(Tense::Since)
        );
        assert_eq!(tense("The dividend is payable Dec. 15.", "Dec. 15"), Some(Tense::Future));
    }

    #[test]
    fn the_end_of_a_span_does_not_lean_back() {
        assert_eq!(tense("Lenders have extended loans through January.", "January"), Some(Tense::Open));
        assert_eq!(tense("He stayed in Miami until March 6.", "March 6"), Some(Tense::Open));
        assert_eq!(tense("By late Thursday, the storm had moved out to sea.", "late Thursday"), Some(Tense::Since));
        assert_eq!(tense("Through Sunday, the film had earned $100 million.", "Sunday"), Some(Tense::Past));
        assert_eq!(tense("Until Friday, the museum will be closed.", "Friday"), Some(Tense::Future));
        assert_eq!(tense("They had sought to delay it until after the Nov. 5 election.", "Nov. 5"), Some(Tense::Open));
        assert_eq!(tense("INS has given them until 9 a.m. Tuesday.", "9 a.m. Tuesday"), Some(Tense::Open));
        assert_eq!(tense("He will stay until March 6.", "March 6"), Some(Tense::Future));
        assert_eq!(tense("Talks continue until at least Thursday.", "Thursday"), Some(Tense::Open));
        // A span that runs now ends ahead.
        assert_eq!(tense("Their current mandate runs until April.", "April"), Some(Tense::Future));
        assert_eq!(tense("The exhibit lasts through March.", "March"), Some(Tense::Future));
        assert_eq!(tense("The exhibit ran through March.", "March"), Some(Tense::Past));
        assert_eq!(
            tense("Officials postponed until Tuesday morning any action.", "Tuesday morning"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn a_rule_in_force_gives_its_times_ahead() {
        let s = "An excessive heat warning is in effect from 10 a.m. Friday through 8 p.m. Tuesday.";
        assert_eq!(tense(s, "10 a.m. Friday"), Some(Tense::Future));
        assert_eq!(tense("The curfew remains in place through Sunday.", "Sunday"), Some(Tense::Future));
    }

    #[test]
    fn a_past_verb_right_before_its_date_tells_of_what_is_done() {
        let s = "Many of the features it promised in June would not arrive until next year.";
        assert_eq!(tense(s, "June"), Some(Tense::Since));
        assert_eq!(tense("He said he planted in late September.", "late September"), Some(Tense::Since));
        assert_eq!(tense("Most economists expect the first cut in September.", "September"), Some(Tense::Future));
        assert_eq!(tense("She died on March 11 at her home.", "March 11"), Some(Tense::Since));
        let s = "By the end of January, the virus had spread to more than a dozen countries.";
        assert_eq!(tense(s, "the end of January"), Some(Tense::Since));
        // A second verb phrase after "but" is another clause.
        let s = "He was limited in practice Wednesday but is expected to play.";
        assert_eq!(tense(s, "Wednesday"), Some(Tense::Past));
        // A rule's times, given ahead; not when it was in effect.
        let s = "The weather service issued warnings, in effect from 7 p.m. Tuesday until Thursday.";
        assert_eq!(tense(s, "7 p.m. Tuesday"), Some(Tense::Future));
        assert_eq!(tense("Warnings were in effect from 7 p.m. Tuesday.", "7 p.m. Tuesday"), Some(Tense::Past));
        assert_eq!(tense("The summit will be held in June.", "June"), Some(Tense::Future));
        assert_eq!(tense("A ruling expected in June would settle it.", "June"), Some(Tense::Future));
    }

    #[test]
    fn a_plan_overtaken_a_negated_forecast_and_a_notice_over_a_list() {
        // In the past perfect, a plan whose date has come.
        let s = "The offer previously had been scheduled to expire at midnight Friday.";
        assert_eq!(tense(s, "midnight Friday"), Some(Tense::Past));
        assert_eq!(tense("It had been due to expire Friday evening.", "Friday evening"), Some(Tense::Past));
        assert_eq!(tense("It was scheduled to expire Friday evening.", "Friday evening"), Some(Tense::Future));
        // A forecast, negated.
        let s = "Highs on Thursday are not expected to climb above zero.";
        assert_eq!(tense(s, "Thursday"), Some(Tense::Future));
        // A notice's start, its issuing across the commas of a list; not across a clause.
        let s = "The service issued a warning for Minnesota, Wisconsin and Iowa from 6 p.m. Wednesday.";
        assert_eq!(tense(s, "6 p.m. Wednesday"), Some(Tense::Open));
        let s = "The service issued a warning, which officials lifted from 6 p.m. Wednesday.";
        assert_ne!(tense(s, "6 p.m. Wednesday"), Some(Tense::Open));
    }

    #[test]
    fn a_report_set_off_by_commas_frames_the_sentence() {
        let s = "The cold will spill in starting Wednesday night, forecasters said Tuesday, with wind chills \
                 as low as 45 below zero by Thursday morning.";
        assert_eq!(tense(s, "Thursday morning"), Some(Tense::Future));
        // Not a clause of its own with a verb.
        let s = "Police arrested the man Monday, officials said Tuesday, and he was charged on Friday.";
        assert_eq!(tense(s, "Friday"), Some(Tense::Past));
    }

    #[test]
    fn as_early_as_opens_no_clause() {
        let s =
            "If approved, workers could return as early as Wednesday, though the company has said it could take weeks.";
        assert_eq!(tense(s, "Wednesday"), Some(Tense::Future));
    }

    #[test]
    fn what_one_is_told_to_do_is_to_come() {
        let s = "Judge Hill ordered Reed, 58, to pay $1.2 million and to report to prison by Jan. 15.";
        assert_eq!(tense(s, "Jan. 15"), Some(Tense::Future));
        assert_eq!(tense("Residents were told to return on Tuesday.", "Tuesday"), Some(Tense::Past));
        let s = "The judge ordered him on Monday to pay the fine by Friday.";
        assert_eq!(tense(s, "Monday"), Some(Tense::Past));
        assert_eq!(tense(s, "Friday"), Some(Tense::Future));
        // Another verb nearer the mention decides.
        assert_eq!(tense("He asked the court to delay the trial, which began in March.", "March"), Some(Tense::Since));
    }

    #[test]
    fn a_span_a_past_verb_ran_through_is_over() {
        assert_eq!(tense("Negotiators worked through the weekend.", "the weekend"), Some(Tense::Past));
        assert_eq!(tense("They talked until Monday.", "Monday"), Some(Tense::Past));
        // The end of a span that was moved, or that a noun names, may lie ahead.
        assert_eq!(tense("Loans were extended through January.", "January"), Some(Tense::Open));
        assert_eq!(tense("Officials postponed until Tuesday any action.", "Tuesday"), Some(Tense::Future));
        assert_eq!(tense("It offered loans through January.", "January"), Some(Tense::Open));
    }

    #[test]
    fn a_date_appointed_for_something_is_to_come() {
        assert_eq!(tense("The judge set sentencing for Feb. 3.", "Feb. 3"), Some(Tense::Future));
        assert_eq!(tense("The premier called a snap election for May 5.", "May 5"), Some(Tense::Future));
        assert_eq!(tense("The board postponed the vote to Nov. 5.", "Nov. 5"), Some(Tense::Future));
        // "called for" is a demand; "moved to" with no object, a report.
        assert_eq!(tense("He called for calm on Tuesday.", "Tuesday"), Some(Tense::Past));
        assert_eq!(tense("He sent the letter to Smith on Tuesday.", "Tuesday"), Some(Tense::Past));
    }

    #[test]
    fn could_before_a_verb_is_a_possibility_to_come() {
        let s = "Officials signaled another increase could come as early as December.";
        assert_eq!(tense(s, "December"), Some(Tense::Future));
        assert_eq!(tense("The talks could resume on Monday.", "Monday"), Some(Tense::Future));
        // A negated or perfect "could" is no plan; the clause's other verbs decide.
        assert_eq!(tense("He could not attend the hearing on Monday.", "Monday"), None);
        assert_eq!(tense("She said the deal could have closed in March.", "March"), Some(Tense::Past));
        assert_eq!(tense("Neither could be located Wednesday.", "Wednesday"), Some(Tense::Past));
        assert_eq!(tense("Residents said they could hear explosions Monday.", "Monday"), Some(Tense::Past));
    }

    #[test]
    fn a_plural_subject_holds_across_a_relative_aside() {
        let s = "Tickets for the season, which runs through next May, go on sale Monday.";
        assert_eq!(tense(s, "Monday"), Some(Tense::Future));
    }

    #[test]
    fn a_plan_told_in_the_past_leans_neither_way() {
        let s = "A second walkout, planned for August, was called off a day before it was to begin.";
        assert_eq!(tense(s, "August"), Some(Tense::Open));
        let s = "The vote was scheduled for March but was postponed.";
        assert_eq!(tense(s, "March"), Some(Tense::Open));
        assert_eq!(tense("A concert planned for December was canceled.", "December"), Some(Tense::Open));
        // (Told in the present, it is to come.)
        assert_eq!(tense("The vote is scheduled for March.", "March"), Some(Tense::Future));
        let s = "The rally, planned for Saturday, will go ahead.";
        assert_eq!(tense(s, "Saturday"), Some(Tense::Future));
    }

    #[test]
    fn a_scheduled_event_in_the_present_is_to_come() {
        assert_eq!(tense("The exhibit opens Friday.", "Friday"), Some(Tense::Future));
        assert_eq!(tense("Voters head to the polls on Sunday.", "Sunday"), Some(Tense::Future));
        assert_eq!(tense("Tickets for the match go on sale Monday.", "Monday"), Some(Tense::Future));
        assert_eq!(tense("Talks with the union resume Monday.", "Monday"), Some(Tense::Future));
        let s = "Merieux said that at the close of business Thursday, shares had been tendered.";
        assert_eq!(tense(s, "Thursday"), Some(Tense::Past));
        let s = "The hearing, originally set for Monday, was moved to Thursday.";
        assert_eq!(tense(s, "Thursday"), Some(Tense::Future));
        assert_eq!(tense("The session reconvenes on Monday.", "Monday"), Some(Tense::Future));
        assert_eq!(tense("The 90-day pause ends on July 9.", "July 9"), Some(Tense::Future));
        assert_eq!(tense("The deadline is Friday.", "Friday"), Some(Tense::Future));
        assert_eq!(tense("Travel over Thanksgiving is expected to set records.", "Thanksgiving"), Some(Tense::Future));
        assert_eq!(tense("Snow is forecast for Thursday night.", "Thursday night"), Some(Tense::Future));
        assert_eq!(tense("Analysts expect a cut at the December meeting.", "December"), Some(Tense::Future));
        // (Not a forecast or report named by its month: issued near the news, before or after.)
        let s = "The company now expects revenue of $90 billion, up from its August forecast.";
        assert_eq!(tense(s, "August"), None);
        assert_eq!(tense("The president is traveling to Asia on Saturday.", "Saturday"), Some(Tense::Future));
        assert_eq!(tense("It is continuing to try, under a June agreement.", "June"), Some(Tense::Present));
        // (The crime is dated by the verb right before its date.)
        assert_eq!(tense("He is serving a sentence for a crime committed in March.", "March"), Some(Tense::Since));
        assert_eq!(tense("Markets are recovering from Tuesday's selloff.", "Tuesday"), Some(Tense::Past));
        // (The report set off by commas frames the sentence: the deadline follows a vote to come.)
        let s = "The vote is Wednesday, the leader said Monday, days before a Friday deadline.";
        assert_eq!(tense(s, "Friday"), Some(Tense::Future));
        let s = "The vote was Wednesday, days before a Friday deadline.";
        assert_eq!(tense(s, "Friday"), Some(Tense::Open));
        assert_eq!(tense("Talks resumed ahead of Friday's deadline.", "Friday"), Some(Tense::Open));
        assert_eq!(tense("Police are investigating Monday's shooting.", "Monday"), Some(Tense::Past));
        assert_eq!(tense("They will appeal Wednesday's ruling.", "Wednesday"), Some(Tense::Past));
        assert_eq!(tense("The city is bracing for Saturday's storm.", "Saturday"), Some(Tense::Future));
        assert_eq!(tense("Sunday's election will decide it.", "Sunday"), Some(Tense::Future));
        assert_eq!(tense("It will be reviewed in a year's time.", "a year"), Some(Tense::Future));
        assert_eq!(tense("The vote is on Tuesday.", "Tuesday"), Some(Tense::Future));
        assert_eq!(tense("Officials said they hoped to finish by Friday.", "Friday"), Some(Tense::Future));
        assert_eq!(tense("He was hoping to get home on Saturday.", "Saturday"), Some(Tense::Future));
        let s = "Leaders ended the summit Saturday with a pledge to protect shipping lanes.";
        assert_eq!(tense(s, "Saturday"), Some(Tense::Past));
        assert_eq!(
            tense("The report, to be published Thursday, will recommend changes.", "Thursday"),
            Some(Tense::Future)
        );
        assert_eq!(tense("Voters, who go to the polls Sunday, are split.", "Sunday"), Some(Tense::Future));
        assert_eq!(tense("Voters in Georgia go to the polls Tuesday.", "Tuesday"), Some(Tense::Future));
        // Not an infinitive after the phrase.
        let s = "Dealers placed orders in the morning to start the first trading day Friday.";
        assert_ne!(tense(s, "Friday"), Some(Tense::Future));
        assert_eq!(tense("Talks resume Monday in Geneva.", "Monday"), Some(Tense::Future));
        assert_eq!(tense("The Heat play again Wednesday in Atlanta.", "Wednesday"), Some(Tense::Future));
        assert_eq!(
            tense(
                "Revenue would be higher, after reporting second-quarter results that beat forecasts.",
                "second-quarter"
            ),
            Some(Tense::Past)
        );
        assert_eq!(tense("The company reports earnings Thursday.", "Thursday"), Some(Tense::Future));
        assert_eq!(tense("Markets are closed Thursday for the holiday.", "Thursday"), Some(Tense::Future));
        assert_eq!(tense("Markets were closed Monday for the holiday.", "Monday"), Some(Tense::Past));
        assert_eq!(tense("News reports Tuesday said he fled.", "Tuesday"), Some(Tense::Past));
        // Irregular past forms count as past verbs; those that are also other words do not.
        assert_eq!(tense("The suspect fled at 3 p.m.", "3 p.m."), Some(Tense::Past));
        assert_eq!(tense("The crowd swept in at noon.", "noon"), Some(Tense::Past));
        assert_eq!(tense("The Fed meets on Tuesday.", "Tuesday"), Some(Tense::Future));
        assert_eq!(tense("He wanted to go there on Monday, but didn't.", "Monday"), Some(Tense::Future));
        assert_eq!(tense("They did not go to work Monday.", "Monday"), Some(Tense::Past));
        assert_eq!(tense("Prosecutors have until Friday to respond.", "Friday"), Some(Tense::Future));
        assert_ne!(tense("Prosecutors had until Friday to respond.", "Friday"), Some(Tense::Future));
        assert_eq!(tense("The court hears arguments Tuesday.", "Tuesday"), Some(Tense::Future));
        assert_eq!(tense("The vote was on Tuesday.", "Tuesday"), Some(Tense::Past));
        assert_eq!(tense("He had planned to retire in June but changed his mind.", "June"), Some(Tense::Past));
        assert_eq!(tense("Officials had hoped it would end over the summer.", "the summer"), Some(Tense::Past));
        assert_eq!(
            tense("Forecasters said the warmth was likely to last into the winter.", "the winter"),
            Some(Tense::Future)
        );
        assert_eq!(tense("Officials hoped it would end over the summer.", "the summer"), Some(Tense::Future));
        assert_eq!(tense("The cuts take effect on July 1.", "July 1"), Some(Tense::Future));
        assert_eq!(tense("The rules come into force in March.", "March"), Some(Tense::Future));
        assert_eq!(tense("The cuts took effect on July 1.", "July 1"), Some(Tense::Past));
        assert_eq!(tense("The cuts didn't take effect until July 1.", "July 1"), Some(Tense::Open));
        assert_eq!(
            tense("The plan, first announced in March, takes effect in January.", "January"),
            Some(Tense::Future)
        );
        assert_eq!(tense("Stocks are rising ahead of Tuesday's vote.", "Tuesday"), Some(Tense::Future));
        assert_eq!(tense("Stocks rose ahead of Tuesday's vote.", "Tuesday"), Some(Tense::Open));
        assert_eq!(tense("Investors await Friday's jobs report.", "Friday"), Some(Tense::Future));
        let s = "Economists expect Friday's report to show employers added jobs.";
        assert_eq!(tense(s, "Friday"), Some(Tense::Future));
        assert_eq!(
            tense("Protesters planned a rally on Saturday and were planning to march.", "Saturday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("Protesters held a rally on Saturday and were planning to march.", "Saturday"),
            Some(Tense::Past)
        );
    }
}
