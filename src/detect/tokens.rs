//! Tokens: words, numbers and punctuation with byte spans into the original text, plus a normalized
//! lookup key per token (lower case, curly apostrophe as `'`); and the tokens of a document's
//! windows, kept for the sentences read later to reuse. No dates are computed here.

use crate::lexicon::Lexicon;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with inner apostrophes ("didn't") or a dotted abbreviation ("a.m.", "U.S.").
    Word,
    /// Digits, with inner thousands commas, a decimal point, clock colons or slashes
    /// ("2,000", "3.5", "10:30", "1/6/2021").
    Number,
    /// Any other single character, including the possessive `'s` as one token.
    Punct,
}

/// One token. Spans are byte offsets, half-open, into the text the tokenizer was given plus `base`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Token class.
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
    // The key's span in `Tokens::keys` and the word class, in 32 bits each: with the public fields
    // a token takes 32 bytes, not 40 (a window of a pathological document holds millions of them).
    key_start: u32,
    key_end: u32,
    class: u32,
}

/// A reusable token buffer: tokens of one window and their normalized keys, stored without a heap
/// allocation per token.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The tokens in text order (a slice to read; only the tokenizer adds to it).
    pub toks: TokenList,
}

/// Tokens in text order and the string of keys they point into, together, so that no token can
/// be paired with other keys than its own. Read as a slice of [`Token`]s; only this module adds
/// tokens, through `TokenList::push` (or its variants for ASCII tokens), which checks that the token's key is a range of whole
/// characters of the keys: [`Tokens::key`] relies on that check instead of repeating it at each
/// of the many reads of a key (the grammar reads keys more than anything else).
#[derive(Debug, Default)]
pub struct TokenList {
    list: Vec<Token>,
    keys: String,
}

impl std::ops::Deref for TokenList {
    type Target = [Token];

    fn deref(&self) -> &[Token] {
        &self.list
    }
}

impl TokenList {
    /// Empties the list and makes the keys `text` lower-cased (ASCII letters only: byte offsets
    /// and character boundaries stay those of `text`).
    fn reset(&mut self, text: &str) {
        // The list first: no token outlives the keys it points into.
        self.list.clear();
        self.keys.clear();
        self.keys.push_str(text);
        self.keys.make_ascii_lowercase();
    }

    /// Empties the list and makes the keys `prefix` followed by `text` lower-cased as
    /// [`TokenList::reset`] makes it, so that `text` starts at `prefix.len()` of the keys. With the
    /// keys of another list as `prefix`, its tokens may then be copied in as they are (see
    /// [`TokenList::extend_from`]).
    fn reset_after(&mut self, prefix: &str, text: &str) {
        // The list first: no token outlives the keys it points into.
        self.list.clear();
        self.keys.clear();
        self.keys.push_str(prefix);
        self.keys.push_str(text);
        self.keys[prefix.len()..].make_ascii_lowercase();
    }

    /// Appends the tokens `range` of `from` as they are, keys and classes included: their keys are
    /// ranges of whole characters of `from`'s keys, and so of these keys, which start with
    /// `from`'s (as [`TokenList::reset_after`] makes them). A copy of the tokens, without reading
    /// or changing each.
    ///
    /// # Panics
    ///
    /// If these keys do not start with `from`'s, or `range` is not within `from`.
    fn extend_from(&mut self, from: &TokenList, range: std::ops::Range<usize>) {
        // (The keys of `from` being a `str`, the byte after them in these keys starts a character:
        // every character boundary of theirs is one of these keys.)
        assert!(self.keys.starts_with(from.keys.as_str()), "the keys start with those of the tokens' list");
        self.list.extend_from_slice(&from.list[range]);
    }

    /// Sets the whitespace flags of token `i` (which do not bear on its key).
    fn set_flags(&mut self, i: usize, (space, newline): (bool, bool)) {
        let t = &mut self.list[i];
        t.space_before = space;
        t.newline_before = newline;
    }

    /// Appends `token`, its key being `keys[key_start..key_end]`, with its class from `lex` when
    /// given (as [`Tokens::classify`] sets it), else 0.
    ///
    /// # Panics
    ///
    /// If that range is not within the keys, on character boundaries (never for the tokenizer's
    /// tokens, whose ends are character boundaries of the text).
    #[inline(always)]
    fn push(&mut self, mut token: Token, key_start: usize, key_end: usize, lex: Option<&Lexicon>) {
        token.key_start = key_start as u32;
        token.key_end = key_end as u32;
        let (s, e) = (token.key_start as usize, token.key_end as usize);
        // `is_char_boundary` is false past the end: this also checks the bounds.
        assert!(
            s <= e && self.keys.is_char_boundary(s) && self.keys.is_char_boundary(e),
            "a token's key is a range of whole characters of the keys"
        );
        if let Some(lex) = lex {
            token.class = class_of(lex, &token, key_of(&self.keys, &token));
        }
        self.list.push(token);
    }

    /// [`TokenList::push`] for a token of ASCII bytes, its key being `keys[key_start..key_end]`: the
    /// same check, made from the key's first and last bytes (the tokenizer pushes most tokens so).
    /// An ASCII byte starts a character, and so does the byte after one (a continuation byte follows
    /// only a byte of a longer character): a range of at least one byte whose first and last bytes
    /// are ASCII is a range of whole characters. (Two bytes read instead of two boundary tests, each
    /// with its own branches: about six instructions less per token.)
    ///
    /// # Panics
    ///
    /// If that range is empty, not within the keys, or not bounded by ASCII bytes (never for the
    /// tokenizer's ASCII tokens, which are at least one byte long).
    #[inline(always)]
    fn push_ascii(&mut self, mut token: Token, key_start: usize, key_end: usize, lex: Option<&Lexicon>) {
        let b = self.keys.as_bytes();
        assert!(
            key_start < key_end && key_end <= b.len() && (b[key_start] | b[key_end - 1]) < 0x80,
            "a token's key is a range of whole characters of the keys"
        );
        token.key_start = key_start as u32;
        token.key_end = key_end as u32;
        if let Some(lex) = lex {
            // A word of up to eight bytes with eight bytes of keys from its start (most words):
            // its key in one load, the bytes past it masked off, for the lexicon's lookup.
            let n = key_end - key_start;
            token.class = match b.get(key_start..key_start + 8) {
                Some(w) if n <= 8 && token.kind == TokKind::Word => {
                    let word = u64::from_le_bytes(w.try_into().expect("eight bytes"));
                    lex.class_of_word(word & (u64::MAX >> (64 - 8 * n)), n)
                }
                _ => class_of(lex, &token, key_of(&self.keys, &token)),
            };
        }
        self.list.push(token);
    }

    /// Appends the tokens `toks` of ASCII bytes of a text at `origin` (the text of which the keys
    /// hold a lower-cased copy there), with their flags as they are: each token's key is its span
    /// of that copy, checked as [`TokenList::push`] checks it. One reservation and a copy loop
    /// instead of a push per token.
    ///
    /// # Panics
    ///
    /// If a token's span, moved to `origin`'s keys, is not a range of whole characters of the keys.
    fn extend_ascii(&mut self, toks: &[Token], origin: Origin) {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return;
        };
        // (Wrapping: a position before the text wraps past the keys, which the tests below turn away.)
        let key = |pos: usize| pos.wrapping_sub(origin.doc).wrapping_add(origin.keys);
        // The run's span of the keys, checked once: when it is of ASCII bytes between two character
        // boundaries (as it is unless a gap between tokens holds other bytes, such as a no-break
        // space), every offset within it is a boundary, and each token only needs to lie within
        // it: three comparisons, not two boundary tests that each read a byte of the keys.
        let (lo, hi) = (key(first.start), key(last.end));
        let keys = &self.keys;
        if lo <= hi && keys.is_char_boundary(lo) && keys.is_char_boundary(hi) && all_ascii(&keys.as_bytes()[lo..hi]) {
            // The tokens copied in one block, then their keys and classes set in one pass that
            // checks every span without a branch per token (token by token, building each anew,
            // cost about twice as much). A failed check takes the run out again before it panics,
            // so that no token with an unchecked key stays in the list.
            let from = self.list.len();
            self.list.extend_from_slice(toks);
            // `lo <= s <= e <= hi` is `s - lo <= e - lo <= hi - lo` in wrapping arithmetic: an `s`
            // before `lo` wraps past every `e - lo` that passes the second test (two comparisons a
            // token, not three).
            let (mut ok, room) = (true, hi - lo);
            for t in &mut self.list[from..] {
                let (s, e) = (key(t.start), key(t.end));
                let (s_in, e_in) = (s.wrapping_sub(lo), e.wrapping_sub(lo));
                ok &= (s_in <= e_in) & (e_in <= room);
                t.key_start = s as u32;
                t.key_end = e as u32;
                t.class = 0;
            }
            if !ok {
                self.list.truncate(from);
                panic!("a token's key is a range of whole characters of the keys");
            }
            return;
        }
        self.list.extend(toks.iter().map(|t| {
            let (s, e) = (key(t.start), key(t.end));
            assert!(
                s <= e && keys.is_char_boundary(s) && keys.is_char_boundary(e),
                "a token's key is a range of whole characters of the keys"
            );
            Token { key_start: s as u32, key_end: e as u32, class: 0, ..*t }
        }));
    }

    /// Takes the tokens out with their keys, leaving `spare`, emptied, in their place: the list is
    /// then empty, as after [`TokenList::reset`].
    fn take(&mut self, mut spare: TokenList) -> TokenList {
        // The list first: no token outlives the keys it points into.
        spare.list.clear();
        spare.keys.clear();
        std::mem::replace(self, spare)
    }

    /// The tokens `range` of the list, with the keys they point into.
    fn slice(&self, range: std::ops::Range<usize>) -> TokenSlice<'_> {
        TokenSlice { toks: &self.list[range], keys: &self.keys }
    }

    /// Appends a character to the keys (appending keeps every range already checked valid).
    fn push_key(&mut self, c: char) {
        self.keys.push(c);
    }
}

/// Whether `b` is all ASCII: eight bytes a test, the last eight read again with the bytes before
/// them. (The standard test ends in a loop byte by byte over the bytes past its last block of 64,
/// about half of a sentence's run.)
#[inline]
fn all_ascii(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if b.len() < 8 {
        return b.is_ascii();
    }
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
    let tail = word(&b[b.len() - 8..]);
    b.chunks_exact(8).fold(tail, |any, w| any | word(w)) & HIGH == 0
}

/// The key of `t`, a token of the list whose keys are `keys` (the only pairing the callers make:
/// a token and the keys of its own [`TokenList`], or of a [`TokenSlice`] of it).
#[inline(always)]
fn key_of<'k>(keys: &'k str, t: &Token) -> &'k str {
    let range = t.key_start as usize..t.key_end as usize;
    debug_assert!(keys.get(range.clone()).is_some());
    // SAFETY: `t` is in the list these keys belong to (a `TokenSlice` is made only of a part of a
    // list and that list's keys, and borrows both), so `TokenList::push` (or
    // `TokenList::push_ascii`, or `TokenList::extend_ascii`) checked that `range` lies within the keys, on character boundaries.
    // Since then the keys have only been appended to (which keeps every earlier boundary) or reset
    // together with the list (which removed `t`): the range is still valid, as `str::get_unchecked`
    // requires.
    unsafe { keys.get_unchecked(range) }
}

/// Keys are addressed with 32-bit offsets: a tokenized text is at most this long (far above the
/// batch mode's document limit).
const MAX_KEYS: usize = u32::MAX as usize;

/// Tokens in text order with the keys they point into, borrowed: all the tokens of a [`Tokens`]
/// ([`Tokens::slice`]), or those of a sentence inside a window the grammar read
/// ([`WindowTokens::sentence`]). What the readers of a sentence take.
#[derive(Debug, Clone, Copy)]
pub struct TokenSlice<'a> {
    /// The tokens in text order.
    pub toks: &'a [Token],
    keys: &'a str,
}

impl<'a> TokenSlice<'a> {
    /// The normalized key of token `i` (lower case; `’` becomes `'`).
    #[inline]
    pub fn key(&self, i: usize) -> &'a str {
        key_of(self.keys, &self.toks[i])
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

impl Tokens {
    /// All the tokens, with their keys.
    #[inline]
    pub fn slice(&self) -> TokenSlice<'_> {
        self.toks.slice(0..self.toks.len())
    }

    /// The normalized key of token `i` (lower case; `’` becomes `'`).
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        key_of(&self.toks.keys, &self.toks.list[i])
    }

    /// Word-class bits of token `i` (see `lexicon::class`), after [`Tokens::classify`] or
    /// [`Tokens::tokenize_classified`]; 0 before.
    #[inline]
    pub fn class(&self, i: usize) -> u32 {
        self.toks[i].class
    }

    /// Sets each token's class from the lexicon (numbers get their shape, a bit of `NUM`).
    pub fn classify(&mut self) {
        let lex = crate::lexicon::lexicon();
        // Token by token through the list, each key read from its token in hand (indexing the list
        // by position checked the bounds three times per token).
        let TokenList { list, keys } = &mut self.toks;
        for t in list.iter_mut() {
            t.class = class_of(lex, t, key_of(keys, t));
        }
    }

    /// Frees the buffers if a huge text left them large: a pathological document's millions of
    /// tokens are not kept for the rest of the run.
    pub fn release_if_large(&mut self) {
        const KEEP: usize = 1 << 16;
        if self.toks.list.capacity() > KEEP {
            *self = Tokens::default();
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Tokenizes `text`, whose first byte is at offset `base` of the document, replacing the buffer.
    ///
    /// # Panics
    ///
    /// If `text` is longer than 1 GiB (keys are addressed with 32 bits). [`crate::extract`] never
    /// passes more than 256 MiB at once.
    pub fn tokenize(&mut self, text: &str, base: usize) {
        self.tokenize_with::<false>(text, base);
    }

    /// [`Tokens::tokenize`] and then [`Tokens::classify`], in one pass: each token is classified as
    /// it is pushed, its key just written (the windows the grammar reads are classified whole, and
    /// a second pass over their tokens cost about a fifth of tokenizing them).
    ///
    /// # Panics
    ///
    /// As [`Tokens::tokenize`].
    // (Never inlined: inlined into the grammar's loop over windows, it compiled to about 0.4%
    // more instructions on the whole.)
    #[inline(never)]
    pub fn tokenize_classified(&mut self, text: &str, base: usize) {
        self.tokenize_with::<true>(text, base);
    }

    /// [`Tokens::tokenize`], classifying each token when `CLASSIFY`.
    fn tokenize_with<const CLASSIFY: bool>(&mut self, text: &str, base: usize) {
        assert!(text.len() <= MAX_KEYS / 4, "a text to tokenize is at most 1 GiB");
        // The keys of ASCII tokens are their own bytes in this lower-cased copy of the text, so they
        // cost nothing per token; other tokens append their key after it.
        self.toks.reset(text);
        // News text has about one token per five bytes: one allocation up front instead of a series
        // of reallocations while pushing.
        self.toks.list.reserve(text.len() / 5 + 8);
        self.scan::<CLASSIFY>(text, 0, text.len(), Origin { doc: base, keys: 0 }, false, false);
    }

    /// Tokenizes `text[from..to]` (`text` at `origin`, its lower-cased copy already in the keys),
    /// appending to the tokens, as if whitespace had been seen before `from`
    /// (`space`), and a line break (`newline`). Reads past `to` as [`Tokens::tokenize`] of the
    /// whole `text` would (a token is ended by what follows it), so the caller cuts where a token
    /// ends. Classifies each token when `CLASSIFY` (see [`Tokens::tokenize_classified`]).
    fn scan<const CLASSIFY: bool>(
        &mut self,
        text: &str,
        from: usize,
        to: usize,
        origin: Origin,
        mut space: bool,
        mut newline: bool,
    ) {
        // (Not read otherwise: the lexicon tokenizes its own phrases while it is being built.)
        let lex = if CLASSIFY { Some(crate::lexicon::lexicon()) } else { None };
        let bytes = text.as_bytes();
        // The bytes up to `to`, for the loop's reads: one bounds test a byte instead of the loop's
        // and the index's (what follows a token is still read in `bytes`).
        let head = &bytes[..to];
        let mut i = from;
        while let Some(&b) = head.get(i) {
            // What the byte starts, in one lookup and one jump, where a test for each kind in turn
            // cost about ten instructions more for a punctuation mark (and, with the space after each
            // token read in the same step, below, 0.8M fewer on a 2 MB sample of news).
            match BYTE_STARTS[usize::from(b)] {
                Starts::Space => {
                    space = true;
                    i += 1;
                    continue;
                }
                Starts::Letter => {
                    let start = i;
                    let ascii;
                    (i, ascii) = scan_word(text, i);
                    if ascii {
                        self.push_ascii(lex, origin, start, i, TokKind::Word, space, newline);
                    } else {
                        self.push(lex, text, origin, start, i, TokKind::Word, space, newline);
                    }
                    // The space after a word, the commonest case, read here rather than by the loop.
                    space = head.get(i) == Some(&b' ');
                    i += usize::from(space);
                    newline = false;
                    continue;
                }
                Starts::Whitespace => {
                    space = true;
                    if b == b'\n' || b == b'\r' {
                        newline = true;
                    }
                    i += 1;
                    continue;
                }
                Starts::Digit => {
                    let start = i;
                    i = scan_number(bytes, i);
                    self.push_ascii(lex, origin, start, i, TokKind::Number, space, newline);
                }
                Starts::Apostrophe if possessive_s(text, i + 1) && self.prev_is_word(origin.doc + i) => {
                    self.push_ascii(lex, origin, i, i + 2, TokKind::Punct, space, newline);
                    i += 2;
                }
                Starts::Apostrophe | Starts::Punct => {
                    self.push_ascii(lex, origin, i, i + 1, TokKind::Punct, space, newline);
                    i += 1;
                }
                Starts::Other => {
                    let c = char_at(text, i);
                    let clen = c.len_utf8();
                    if c.is_whitespace() {
                        space = true;
                        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                            newline = true;
                        }
                        i += clen;
                        continue;
                    }
                    let start = i;
                    let kind;
                    if c.is_alphabetic() {
                        kind = TokKind::Word;
                        i = scan_word(text, i).0;
                    } else if is_apostrophe(c) && possessive_s(text, i + clen) && self.prev_is_word(origin.doc + start)
                    {
                        // "Monday's", "last month’s": the possessive is its own token.
                        kind = TokKind::Punct;
                        i += clen + 1;
                    } else {
                        kind = TokKind::Punct;
                        i += clen;
                    }
                    self.push(lex, text, origin, start, i, kind, space, newline);
                }
            }
            // The space after a token, read here as after a word rather than by a step of the loop
            // (most commas and full stops have one).
            space = head.get(i) == Some(&b' ');
            i += usize::from(space);
            newline = false;
        }
    }

    fn prev_is_word(&self, start: usize) -> bool {
        self.toks.last().is_some_and(|t| t.end == start && t.kind != TokKind::Punct)
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn push(
        &mut self,
        lex: Option<&Lexicon>,
        text: &str,
        origin: Origin,
        start: usize,
        end: usize,
        kind: TokKind,
        space: bool,
        nl: bool,
    ) {
        let raw = &text[start..end];
        if raw.is_ascii() {
            self.push_ascii(lex, origin, start, end, kind, space, nl);
            return;
        }
        let key_start = self.toks.keys.len();
        for ch in raw.chars() {
            if is_apostrophe(ch) {
                self.toks.push_key('\'');
            } else if ch.is_ascii() {
                self.toks.push_key(ch.to_ascii_lowercase());
            } else {
                ch.to_lowercase().for_each(|c| self.toks.push_key(c));
            }
        }
        let key_end = self.toks.keys.len();
        // Its key points at the lower-cased copy just appended. Lower-casing grows a character to at
        // most one and a half times its bytes: with the text at most a quarter of `MAX_KEYS`, every
        // offset fits.
        let token = Token::new(origin.doc, start, end, kind, space, nl);
        self.toks.push(token, key_start, key_end, lex);
    }

    /// [`Tokens::push`] for a token of ASCII bytes only: its key is its span of the lower-cased text.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn push_ascii(
        &mut self,
        lex: Option<&Lexicon>,
        origin: Origin,
        start: usize,
        end: usize,
        kind: TokKind,
        space: bool,
        nl: bool,
    ) {
        let token = Token::new(origin.doc, start, end, kind, space, nl);
        self.toks.push_ascii(token, origin.keys + start, origin.keys + end, lex);
    }
}

/// The tokens of a document's windows as the grammar read them, kept so that the sentences read
/// afterwards (for tense cues and headlines) take the tokens of their parts inside windows from
/// here instead of tokenizing those parts again (see [`Tokens::tokenize_reusing`]).
#[derive(Debug, Default)]
pub struct WindowTokens {
    /// The tokens of each kept window, in text order, with their keys. Each is the list the window
    /// was tokenized into, taken over whole rather than copied (see [`WindowTokens::keep`]).
    lists: Vec<TokenList>,
    /// Per kept window, in text order: its byte span, the index of its tokens in `lists`, and
    /// whether they are all of ASCII bytes (their keys all within the window's text).
    windows: Vec<(usize, usize, usize, bool)>,
    /// The number of tokens kept for the document, and of bytes of their keys.
    count: usize,
    bytes: usize,
    /// Token lists of the windows of documents before, emptied, handed to the tokenizer in exchange
    /// for the lists it fills, so that a batch run allocates them once.
    spare: Vec<TokenList>,
}

impl WindowTokens {
    /// Most tokens kept per document, so that memory stays flat on a huge document; the parts of
    /// sentences in windows past this are tokenized again.
    const MAX: usize = 1 << 16;

    /// Most bytes of keys kept per document (a window of a few long tokens has few tokens but
    /// long keys).
    const MAX_BYTES: usize = 16 * Self::MAX;

    /// Most spare lists kept, each of at most `MAX / SPARES` tokens' room and `MAX_BYTES / SPARES`
    /// bytes of keys, so that the spares too stay within those bounds (a list of a larger window
    /// is freed).
    const SPARES: usize = 64;

    /// Forgets the windows of the document before (their lists become spares).
    pub fn clear(&mut self) {
        for mut list in self.lists.drain(..) {
            if self.spare.len() < Self::SPARES
                && list.list.capacity() <= Self::MAX / Self::SPARES
                && list.keys.capacity() <= Self::MAX_BYTES / Self::SPARES
            {
                // The list first: no token outlives the keys it points into.
                list.list.clear();
                list.keys.clear();
                self.spare.push(list);
            }
        }
        self.windows.clear();
        self.count = 0;
        self.bytes = 0;
    }

    /// Keeps the tokens of `toks`, those of `text[start..end]` as [`Tokens::tokenize`] gives them
    /// (after the windows already kept), when they are those of the whole text there: when
    /// whitespace (or an end of the text) lies on both sides of the span, so that no token of the
    /// text crosses its edges and none reads differently for what lies beyond (all but the first
    /// token's whitespace flags, which the reader sets again). The tokens are taken out of `toks`
    /// with their keys, not copied: its list is left empty (a spare one in its place), for the next
    /// window to fill.
    pub fn keep(&mut self, text: &str, (start, end): (usize, usize), toks: &mut Tokens) {
        let b = text.as_bytes();
        let edges =
            (start == 0 || b[start - 1].is_ascii_whitespace()) && (end == b.len() || b[end].is_ascii_whitespace());
        let after = self.windows.last().is_none_or(|w| w.1 <= start);
        if !edges
            || !after
            || self.count + toks.len() > Self::MAX
            || self.bytes + toks.toks.keys.len() > Self::MAX_BYTES
        {
            return;
        }
        // Only a token with other bytes appends its key after the window's lower-cased text.
        let ascii = toks.toks.keys.len() == end - start;
        let list = toks.toks.take(self.spare.pop().unwrap_or_default());
        self.count += list.len();
        self.bytes += list.keys.len();
        self.windows.push((start, end, self.lists.len(), ascii));
        self.lists.push(list);
    }

    /// The tokens of the span `text[start..end]` when it lies inside a kept window, with whitespace
    /// (or an end of the text) on both sides: those of its window that start in it, as they are.
    /// They are what [`Tokens::tokenize`] gives for the span (see [`Tokens::tokenize_reusing`]),
    /// but for the first token's whitespace flags, which tell of the text before the span, and the
    /// classes, which are set. (A sentence's readers ask neither.) `None` otherwise.
    pub fn sentence(&self, text: &str, (start, end): (usize, usize)) -> Option<TokenSlice<'_>> {
        let b = text.as_bytes();
        let edges =
            (start == 0 || b[start - 1].is_ascii_whitespace()) && (end == b.len() || b[end].is_ascii_whitespace());
        if !edges {
            return None;
        }
        let &(ws, we, list, _) = self.windows.get(self.windows.partition_point(|w| w.1 <= start))?;
        if ws > start || we < end {
            return None;
        }
        let list = &self.lists[list];
        // (Where the span holds an end of the window, the tokens from or to there are all of it.)
        let lo = if ws == start { 0 } else { list.partition_point(|t| t.start < start) };
        let hi = if we == end { list.len() } else { lo + list[lo..].partition_point(|t| t.start < end) };
        Some(list.slice(lo..hi))
    }
}

impl Tokens {
    /// Fills the buffer with what [`Tokens::tokenize`] gives for `text[start..end]` (at offset
    /// `start`), taking the tokens of the parts in windows of `kept` from there and tokenizing only
    /// the rest. (The keys are laid out otherwise, and tokens from the first window keep the classes
    /// it gave them; a sentence's readers ask neither.)
    ///
    /// A token's key and kind follow from its own text, and its whitespace flags from the bytes
    /// since the token before; the tokenizer carries nothing else from token to token across
    /// whitespace, and reads no further ahead than up to the next whitespace. So where whitespace
    /// (or an end) lies on both sides of the span, a kept window's tokens inside it are those of
    /// the span, but for the whitespace flags of the first one, set here. Otherwise the span is
    /// tokenized whole.
    pub fn tokenize_reusing(&mut self, text: &str, (start, end): (usize, usize), kept: &WindowTokens) {
        let b = text.as_bytes();
        let edges =
            (start == 0 || b[start - 1].is_ascii_whitespace()) && (end == b.len() || b[end].is_ascii_whitespace());
        let first = kept.windows.partition_point(|w| w.1 <= start);
        if !edges || kept.windows.get(first).is_none_or(|w| w.0 >= end) {
            self.tokenize(&text[start..end], start);
            return;
        }
        let span = &text[start..end];
        assert!(span.len() <= MAX_KEYS / 4, "a text to tokenize is at most 1 GiB");
        // The keys: those of the first window the span meets, so that its tokens are copied as they
        // are (most sentences that stick out of windows meet one), then the span lower-cased, where
        // the other tokens of ASCII bytes have theirs. (The window's keys are at most a quarter of
        // `MAX_KEYS` and one and a half times as long as its text, and so are the span's: every
        // offset fits.)
        let aligned = &kept.lists[kept.windows[first].2];
        self.toks.reset_after(&aligned.keys, span);
        self.toks.list.reserve(span.len() / 5 + 8);
        let origin = Origin { doc: start, keys: aligned.keys.len() };
        // Where the span is read up to (document offsets).
        let mut at = start;
        for (k, &(ws, we, list, ascii)) in kept.windows[first..].iter().take_while(|w| w.0 < end).enumerate() {
            let (from, to) = (ws.max(start), we.min(end));
            if from > at {
                let (space, newline) = self.gap_flags(text, start, at);
                self.scan::<false>(span, at - start, from - start, origin, space, newline);
            }
            let list = &kept.lists[list];
            // The window's tokens from `from` to `to`: all of them where the span holds that end
            // of the window, else searched (only among those after the first, for the last).
            let lo = if from == ws { 0 } else { list.partition_point(|t| t.start < from) };
            let hi = if to == we { list.len() } else { lo + list[lo..].partition_point(|t| t.start < to) };
            if lo < hi {
                // The first token's flags from the bytes before it, the others' as they were.
                let flags = self.gap_flags(text, start, list[lo].start);
                let first_new = self.toks.len();
                if k == 0 {
                    self.toks.extend_from(list, lo..hi);
                } else {
                    self.extend_rekeyed(span, origin, &list[lo..hi], (we - ws) as u32, ascii);
                }
                self.toks.set_flags(first_new, flags);
            }
            at = to;
        }
        if end > at {
            let (space, newline) = self.gap_flags(text, start, at);
            self.scan::<false>(span, at - start, end - start, origin, space, newline);
        }
    }

    /// Appends the tokens `toks` of a kept window whose text was `window_text` bytes long (`ascii`
    /// when all its tokens are of ASCII bytes), their keys now those of the span `span` at
    /// `origin`. In its window, a token of ASCII bytes had its key in the window's lower-cased text
    /// (the other keys come after it): here it has it in the span's.
    fn extend_rekeyed(&mut self, span: &str, origin: Origin, toks: &[Token], window_text: u32, ascii: bool) {
        // In runs: a run of ASCII tokens in one go, then the token after it. (The tokens of a
        // window of ASCII tokens only, the usual one, are one run, not searched for its end.)
        if ascii {
            self.toks.extend_ascii(toks, origin);
            return;
        }
        let mut rest = toks;
        while !rest.is_empty() {
            let run = rest.iter().position(|t| t.key_start >= window_text).unwrap_or(rest.len());
            self.toks.extend_ascii(&rest[..run], origin);
            let Some(t) = rest.get(run) else {
                break;
            };
            let (s, e) = (t.start - origin.doc, t.end - origin.doc);
            self.push(None, span, origin, s, e, t.kind, t.space_before, t.newline_before);
            rest = &rest[run + 1..];
        }
    }

    /// The whitespace flags the tokenizer of a span starting at `start` has at `at`: whether
    /// whitespace, and a line break, lie between the latest token (or the start) and `at` (only
    /// whitespace does: every other character is in a token).
    fn gap_flags(&self, text: &str, start: usize, at: usize) -> (bool, bool) {
        let from = self.toks.last().map_or(start, |t| t.end);
        let gap = &text[from..at];
        let newline = gap.bytes().any(|c| c == b'\n' || c == b'\r') || gap.contains(['\u{2028}', '\u{2029}']);
        (from < at, newline)
    }
}

/// Where a text being tokenized lies: the document offset of its first byte, and the offset in the
/// keys of the lower-cased copy of it (where its tokens of ASCII bytes have their keys).
#[derive(Debug, Clone, Copy)]
struct Origin {
    doc: usize,
    keys: usize,
}

impl Token {
    /// The token at `[start, end)` of a text whose first byte is at `base`, its key not yet set.
    #[inline(always)]
    fn new(base: usize, start: usize, end: usize, kind: TokKind, space: bool, nl: bool) -> Token {
        Token {
            start: base + start,
            end: base + end,
            kind,
            space_before: space,
            newline_before: nl,
            key_start: 0,
            key_end: 0,
            class: 0,
        }
    }
}

/// The class bits of token `t` whose key is `key` (see `lexicon::class`): a number's shape, else
/// the lexicon's bits of the key.
#[inline(always)]
fn class_of(lex: &Lexicon, t: &Token, key: &str) -> u32 {
    if t.kind == TokKind::Number {
        crate::lexicon::class::number(key)
    } else {
        lex.class_of(key)
    }
}

/// True for the straight and typographic apostrophes.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || c == '‘'
}

fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

/// An `s` that ends a word right after an apostrophe.
fn possessive_s(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    i < b.len() && (b[i] == b's' || b[i] == b'S') && (i + 1 >= b.len() || !char_at(text, i + 1).is_alphanumeric())
}

/// The end of the number token starting at the digit `b[i]`: digits, then more digits after each
/// `.`, `:` or `/`, or after a `,` that starts a group of exactly three.
pub(crate) fn scan_number(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    loop {
        if i + 1 >= b.len() {
            return i;
        }
        let sep = b[i];
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return i;
        }
        let ok = match sep {
            // Thousands groups have exactly three digits: "2,000" but not "6, 2021" or "6,2021".
            b',' => digits == 3,
            b'.' | b':' | b'/' => true,
            _ => false,
        };
        if !ok {
            return i;
        }
        i += 1 + digits;
    }
}

/// The end of the word starting at `start`, and whether all of it is ASCII.
#[inline(always)]
fn scan_word(text: &str, start: usize) -> (usize, bool) {
    let b = text.as_bytes();
    // Most words: two ASCII letters or more, read eight at a time. A dotted abbreviation has a
    // single letter before its dot, so these skip the search for one.
    if start + 8 <= b.len() {
        let w = u64::from_le_bytes(b[start..start + 8].try_into().expect("eight bytes"));
        let run = ascii_letters(w);
        if run >= 2 {
            // As in the loop below: after a short run, the byte after it ends the word unless it
            // is an apostrophe or the start of a non-ASCII character.
            if ends_run(w, run) {
                return (start + run, true);
            }
            return scan_word_from(text, start + run, true);
        }
    }
    scan_word_general(text, start)
}

/// [`scan_word`] without its shortcut for words of two ASCII letters or more: a dotted
/// abbreviation, else letters up to the word's end.
#[inline(always)]
fn scan_word_general(text: &str, start: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let ascii = b[start] < 0x80;
    // Dotted abbreviations of single letters: "a.m.", "p.m.", "U.S.".
    let mut j = start;
    let mut letters = 0;
    // (The dot first: most words have none after their first letter.)
    while j + 1 < b.len() && b[j + 1] == b'.' && b[j].is_ascii_alphabetic() {
        let after_dot = j + 2;
        let next_is_letter = after_dot < b.len() && b[after_dot].is_ascii_alphabetic();
        letters += 1;
        j = after_dot;
        if !next_is_letter || (after_dot + 1 < b.len() && b[after_dot + 1].is_ascii_alphabetic()) {
            break;
        }
    }
    if letters >= 2 {
        return (j, true);
    }
    scan_word_from(text, start, ascii)
}

/// The end of a word whose bytes before `i` are in it, and whether all of it is ASCII (`ascii`
/// saying whether those before `i` are).
#[inline(always)]
fn scan_word_from(text: &str, mut i: usize, mut ascii: bool) -> (usize, bool) {
    let b = text.as_bytes();
    while i < b.len() {
        // ASCII letters eight at a time: most words end within one step.
        if i + 8 <= b.len() {
            let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
            let run = ascii_letters(w);
            if run > 0 {
                i += run;
                // The byte after a short run is no ASCII letter: unless it is an apostrophe or
                // the start of a non-ASCII character, the word ends there (what the checks below
                // would find, without testing it again). It is in the eight bytes read.
                if ends_run(w, run) {
                    break;
                }
                continue;
            }
        } else if b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        if c.is_alphabetic() {
            ascii &= c.is_ascii();
            i += c.len_utf8();
        } else if is_apostrophe(c) && !possessive_s(text, i + c.len_utf8()) {
            // An inner apostrophe followed by letters stays in the word ("didn't", "o'clock").
            let n = i + c.len_utf8();
            if n < b.len() && char_at(text, n).is_alphabetic() {
                ascii &= c.is_ascii();
                i = n;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    (i, ascii)
}

/// Whether the byte after the first `run` bytes of `w` (the [`ascii_letters`] of `w`) ends the word
/// they start: `run < 8`, and that byte is ASCII but no apostrophe (a letter it cannot be).
#[inline(always)]
fn ends_run(w: u64, run: usize) -> bool {
    // One lookup instead of three tests: with `run == 8` the shift is by 0 and reads the first
    // byte, a letter, which the table does not count as an end (as `run < 8` would not).
    WORD_END[(w >> (8 * (run & 7))) as u8 as usize]
}

/// [`ends_run`]'s table: ASCII bytes other than letters and the apostrophe.
static WORD_END: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = !(b as u8).is_ascii_alphabetic() && b != b'\'' as usize;
        b += 1;
    }
    t
};

/// What a byte of the text starts, for the tokenizer's loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Starts {
    /// A space, the commonest byte between tokens.
    Space,
    /// An ASCII letter: a word.
    Letter,
    /// ASCII whitespace other than the space: tab, line feed, vertical tab, form feed, return.
    Whitespace,
    /// An ASCII digit: a number.
    Digit,
    /// The straight apostrophe: a possessive `'s`, or punctuation.
    Apostrophe,
    /// Any other ASCII character: punctuation.
    Punct,
    /// A byte of a longer character.
    Other,
}

/// [`Starts`] by byte.
static BYTE_STARTS: [Starts; 256] = {
    let mut t = [Starts::Other; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = match c {
            b' ' => Starts::Space,
            b'\t'..=b'\r' => Starts::Whitespace,
            b'0'..=b'9' => Starts::Digit,
            b'\'' => Starts::Apostrophe,
            _ if c.is_ascii_alphabetic() => Starts::Letter,
            _ => Starts::Punct,
        };
        b += 1;
    }
    t
};

/// How many of the eight bytes of `w` (little-endian: first byte lowest) are ASCII letters before
/// the first one that is not.
fn ascii_letters(w: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Lower case, without the high bit, so that the additions below never carry between bytes.
    let x = (w | (ONES * 0x20)) & !HIGH;
    // High bit of each byte: x >= 'a' and not x >= '{' and the byte was ASCII.
    let letters =
        x.wrapping_add(ONES * (0x80 - b'a' as u64)) & !x.wrapping_add(ONES * (0x80 - b'{' as u64)) & !w & HIGH;
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_ascii_is_the_standard_test_at_every_length_and_offset() {
        for len in 0..80 {
            let mut b: Vec<u8> = (0..len).map(|k| b"a Z.9\x7f"[k % 6]).collect();
            assert_eq!(all_ascii(&b), b.is_ascii(), "{b:?}");
            for at in 0..len {
                let was = b[at];
                b[at] = 0x80 | (at as u8 & 0x3f);
                assert!(!all_ascii(&b), "{b:?}");
                b[at] = was;
            }
        }
    }

    fn keys(text: &str) -> Vec<String> {
        let mut t = Tokens::default();
        t.tokenize(text, 0);
        (0..t.len()).map(|i| t.key(i).to_string()).collect()
    }

    #[test]
    fn splits_words_numbers_and_possessives() {
        assert_eq!(keys("Monday’s talk"), vec!["monday", "'s", "talk"]);
        assert_eq!(keys("Jan. 6, 2021"), vec!["jan", ".", "6", ",", "2021"]);
        assert_eq!(keys("in 2022a mug"), vec!["in", "2022", "a", "mug"]);
        assert_eq!(keys("mid-2023"), vec!["mid", "-", "2023"]);
        assert_eq!(keys("2,000 km"), vec!["2,000", "km"]);
        assert_eq!(keys("10:30 a.m. Monday"), vec!["10:30", "a.m.", "monday"]);
        assert_eq!(keys("1/6/2021"), vec!["1/6/2021"]);
        assert_eq!(keys("didn't"), vec!["didn't"]);
        assert_eq!(keys("the 1990s"), vec!["the", "1990", "s"]);
        // Words with a non-ASCII letter or apostrophe get a key of their own.
        assert_eq!(keys("DON’T Stop CAFÉ déjà"), vec!["don't", "stop", "café", "déjà"]);
    }

    /// The check of `TokenList::push_ascii` (a range of at least one byte, its first and last bytes
    /// ASCII) passes only ranges of whole characters, which `TokenList::push` checks by boundary
    /// tests: every range of texts of one- to four-byte characters, at both ends and in between.
    #[test]
    fn ranges_bounded_by_ascii_bytes_are_ranges_of_whole_characters() {
        for text in ["aé€😀b", "é a", "€", "a€", "€a", "ab", "x😀😀y z", "’s", "a’", " é"] {
            let b = text.as_bytes();
            for s in 0..=b.len() {
                for e in 0..=b.len() {
                    let ascii_bounded = s < e && (b[s] | b[e - 1]) < 0x80;
                    if ascii_bounded {
                        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{text:?} {s}..{e}");
                        assert!(text[s..e].len() == e - s);
                    }
                }
            }
        }
        // Tokens pushed so keep their keys, whatever surrounds them.
        assert_eq!(
            keys("é10:30 a.m.€x ’s 2,000—Q1"),
            vec!["é", "10:30", "a.m.", "€", "x", "'", "s", "2,000", "—", "q", "1"]
        );
    }

    /// The table lookup of `ends_run` says what its three tests said: `run < 8`, and the byte after
    /// the run ASCII and no apostrophe; for every byte after every run length.
    #[test]
    fn word_end_table_equals_the_tests_it_replaced() {
        for b in 0..=255u8 {
            for at in 0..=8 {
                let mut bytes = *b"abcdefgh";
                if at < 8 {
                    bytes[at] = b;
                }
                let w = u64::from_le_bytes(bytes);
                let run = ascii_letters(w);
                let after = (w >> (8 * (run & 7))) as u8;
                let tests = run < 8 && after < 0x80 && after != b'\'';
                assert_eq!(ends_run(w, run), tests, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn ascii_letter_runs_are_counted_exactly() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"abcdefgh";
                w[at] = b;
                let want = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                assert_eq!(ascii_letters(u64::from_le_bytes(w)), want, "byte {b} at {at}");
            }
        }
        assert_eq!(ascii_letters(u64::from_le_bytes(*b"ZzAa@[`{")), 4);
    }

    /// A span's tokens taken partly from kept windows are those of tokenizing it, keys and
    /// whitespace flags included (where the keys lie aside), for the windows the scan finds and
    /// any span (nlprule's trick of shifting the text is in the random prefixes).
    #[test]
    fn tokens_reused_from_windows_are_those_of_tokenizing_again() {
        let pieces = [
            "May",
            "5",
            "10:30",
            "a.m.",
            "U.S.",
            " ",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\u{a0}",
            "\u{2028}",
            ".",
            ",",
            "'s",
            "’s",
            "'",
            "didn't",
            "Monday",
            "Monday's",
            "said",
            "week",
            "café",
            "É",
            "—",
            "€",
            "2,000",
            "x",
            "the",
            "\"",
            "Q1",
            "o'clock",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ];
        let (mut want, mut got) = (Tokens::default(), Tokens::default());
        let mut reused = 0;
        spans_over_kept_windows(&pieces, 80, 0x5851_f42d_4c95_7f2d, true, |text, kept, (a, b)| {
            want.tokenize(&text[a..b], a);
            got.tokenize_reusing(text, (a, b), kept);
            let read = |t: &Token| (t.start, t.end, t.kind, t.space_before, t.newline_before);
            assert!(got.toks.iter().map(read).eq(want.toks.iter().map(read)), "{text:?} {a}..{b}");
            assert!((0..want.len()).all(|i| got.key(i) == want.key(i)), "{text:?} {a}..{b}");
            reused += usize::from(kept.windows.iter().any(|w| w.0 < b && a < w.1));
        });
        assert!(reused > 10_000, "{reused}");
    }

    /// Calls `check` with 20,000 texts of up to `most` of `pieces` (drawn from `seed`), their
    /// windows' tokens kept (`classified` or not), and each of their sentences and four spans
    /// between random character boundaries.
    fn spans_over_kept_windows(
        pieces: &[&str],
        most: usize,
        seed: u64,
        classified: bool,
        mut check: impl FnMut(&str, &WindowTokens, (usize, usize)),
    ) {
        let mut next = crate::detect::xorshift(seed);
        let (mut window, mut kept) = (Tokens::default(), WindowTokens::default());
        for _ in 0..20_000 {
            let text: String = (0..next(most)).map(|_| pieces[next(pieces.len())]).collect();
            kept.clear();
            for (ws, we) in crate::detect::windows(&text) {
                if classified {
                    window.tokenize_classified(&text[ws..we], ws);
                } else {
                    window.tokenize(&text[ws..we], ws);
                }
                kept.keep(&text, (ws, we), &mut window);
            }
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut spans = crate::detect::split_sentences(&text);
            for _ in 0..4 {
                let (a, b) = (bounds[next(bounds.len())], bounds[next(bounds.len())]);
                spans.push((a.min(b), a.max(b)));
            }
            for span in spans {
                check(&text, &kept, span);
            }
        }
    }

    /// A span's tokens read in the kept window holding it are those of tokenizing it, keys
    /// included, but for the first token's whitespace flags and the classes, for the windows the
    /// scan finds and any span.
    #[test]
    fn tokens_read_in_a_window_are_those_of_tokenizing_the_span() {
        let pieces =
            ["May", "5", "10:30", "a.m.", "U.S.", " ", "  ", "\n", "\n\n", "\u{a0}", ".", ",", "'s", "’s", "didn't"];
        let pieces =
            [&pieces[..], &["Monday", "said", "week", "café", "É", "—", "2,000", "x", "the", "\"", "Q1"]].concat();
        let mut want = Tokens::default();
        let mut read = 0;
        spans_over_kept_windows(&pieces, 60, 0x2545_f491_4f6c_dd1d, true, |text, kept, (a, b)| {
            let Some(got) = kept.sentence(text, (a, b)) else {
                return;
            };
            want.tokenize(&text[a..b], a);
            assert_eq!(got.len(), want.len(), "{text:?} {a}..{b}");
            for (i, (g, w)) in got.toks.iter().zip(want.toks.iter()).enumerate() {
                let flags = |t: &Token| if i == 0 { (false, false) } else { (t.space_before, t.newline_before) };
                assert_eq!((g.start, g.end, g.kind, flags(g)), (w.start, w.end, w.kind, flags(w)), "{text:?} {a}..{b}");
                assert_eq!(got.key(i), want.key(i), "{text:?} {a}..{b}");
            }
            read += 1;
        });
        assert!(read > 10_000, "{read}");
    }

    /// The shortcut for words of two ASCII letters or more ends every word where the general
    /// reading does, at every offset of texts mixing letters, dots, apostrophes and other scripts.
    #[test]
    fn words_end_where_the_general_reading_ends_them() {
        let pieces =
            ["a", "ab", "abcdefgh", "abcdefghijk", ".", "'", "’", "s", "é", "ß", "日", " ", "-", "1", "U.S.", "a.m."];
        let mut next = crate::detect::xorshift(0x1234_5678_9abc_def1);
        for _ in 0..20_000 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                if char_at(&text, start).is_alphabetic() {
                    assert_eq!(scan_word(&text, start), scan_word_general(&text, start), "{text:?} at {start}");
                }
            }
        }
    }

    /// Classifying while tokenizing gives the tokens, keys and classes of tokenizing and then
    /// classifying.
    #[test]
    fn tokens_classified_while_tokenizing_are_those_classified_after() {
        let text = "On Monday’s 10:30 a.m. call, CAFÉ owners said 2,000 people left in mid-2023, \
                    three weeks ago; Q1 FY2024 results were due by Jan. 6 or 1/6/2021, 5 years later.";
        let (mut want, mut got) = (Tokens::default(), Tokens::default());
        let mut classes = 0;
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            want.tokenize(&text[start..], start);
            want.classify();
            got.tokenize_classified(&text[start..], start);
            assert_eq!(&got.toks[..], &want.toks[..], "from {start}");
            assert!((0..want.len()).all(|i| got.key(i) == want.key(i)), "from {start}");
            classes += (0..want.len()).filter(|&i| want.class(i) != 0).count();
        }
        assert!(classes > 100, "{classes}");
    }

    #[test]
    fn spans_are_byte_offsets_with_base() {
        let mut t = Tokens::default();
        t.tokenize("€ 5 May", 10);
        assert_eq!(t.toks[1].start, 14);
        assert_eq!(t.toks[2].start, 16);
        assert!(t.toks[2].space_before);
    }
}
