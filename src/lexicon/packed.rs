//! Short words as integers, for the lookups made at every token. A closed list of words is a
//! perfect hash table built at compile time ([`Packed`]): a key of at most seven bytes is packed
//! into a `u64` (bytes and length), multiplied by a constant chosen so that the list's words land
//! in distinct slots, and compared with the one word in its slot (after a test of the key's length
//! and first byte, which turns most keys away without packing them). A table loaded at run time
//! (the word classes) is an open-addressing map of keys of up to sixteen bytes packed into two
//! words ([`ShortMap`]). Either way, a lookup is a multiply and integer compares, instead of
//! hashing the bytes and calling a byte comparison per candidate (what a hash map or a `match` on
//! strings compiles to).

/// Room for the slots of a table: a power of two. A list uses the first `4 * words` of them or so
/// (a power of two), few enough to stay in the nearest cache and enough for a collision-free
/// multiplier to come after a few tries.
const SLOTS: usize = 256;

/// Longest word packed; longer words are compared as strings (only long keys meet them).
const SHORT: usize = 7;

/// A list of words as a perfect hash table of packed words.
pub struct Packed {
    slots: [u64; SLOTS],
    multiplier: u64,
    /// `64 - log2(slots used)`: the product's top bits are the slot.
    shift: u32,
    /// Bit `n` (below 63) set when one of the words not packed (empty, or longer than [`SHORT`])
    /// has `n` bytes, bit 63 when one has 63 or more: a key of no such length is turned away
    /// without comparing it with each word of `long` (most keys longer than seven bytes: the
    /// lists have few long words, most none).
    long_lengths: u64,
    long: &'static [&'static str],
    /// Per length of a packed word (one to [`SHORT`]), bit `b & 31` set when one of the words of
    /// that length starts with byte `b`.
    heads: [u32; SHORT + 1],
}

impl Packed {
    /// The table of `words`.
    ///
    /// # Panics
    ///
    /// At compile time, if the list has more than `SLOTS / 4` words of at most seven bytes, or if
    /// no multiplier among the ones tried places them without collision.
    pub const fn new(words: &'static [&'static str]) -> Packed {
        assert!(words.len() <= SLOTS / 4, "a packed list has at most SLOTS / 4 words");
        let used = (words.len() * 4).next_power_of_two();
        let used = if used < 16 { 16 } else { used };
        let shift = 64 - used.trailing_zeros();
        // Odd multipliers from a fixed sequence, until one gives every word its own slot.
        let mut multiplier: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut tries = 0;
        while tries < 10_000 {
            let mut slots = [0u64; SLOTS];
            let mut ok = true;
            let mut i = 0;
            while i < words.len() && ok {
                let w = words[i].as_bytes();
                if !w.is_empty() && w.len() <= SHORT {
                    let k = pack(w);
                    let s = slot(k, multiplier, shift);
                    if slots[s] == 0 || slots[s] == k {
                        slots[s] = k;
                    } else {
                        ok = false;
                    }
                }
                i += 1;
            }
            if ok {
                let mut long_lengths = 0u64;
                let mut i = 0;
                while i < words.len() {
                    let n = words[i].len();
                    if n == 0 || n > SHORT {
                        long_lengths |= 1 << if n < 63 { n } else { 63 };
                    }
                    i += 1;
                }
                let mut heads = [0u32; SHORT + 1];
                let mut i = 0;
                while i < words.len() {
                    let w = words[i].as_bytes();
                    if !w.is_empty() && w.len() <= SHORT {
                        heads[w.len()] |= 1 << (w[0] & 31);
                    }
                    i += 1;
                }
                return Packed { slots, multiplier, shift, long_lengths, long: words, heads };
            }
            multiplier = multiplier.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) | 1;
            tries += 1;
        }
        panic!("no multiplier places the words without collision");
    }

    /// Whether `key` is one of the words. (Most keys asked are none: a key whose length and
    /// first byte begin no word is turned away by one bit, before it is packed and multiplied;
    /// -2.2M instructions on the 2 MB sample.)
    // (Always inlined: it was, until one more list made LTO put it out of line everywhere, +6M.)
    #[inline(always)]
    pub fn contains(&self, key: &str) -> bool {
        let b = key.as_bytes();
        match b.len() {
            n @ 1..=SHORT => {
                if (self.heads[n] >> (b[0] & 31)) & 1 == 0 {
                    return false;
                }
                let k = pack_short(b);
                self.slots[slot(k, self.multiplier, self.shift)] == k
            }
            n => (self.long_lengths >> n.min(63)) & 1 != 0 && self.long.contains(&key),
        }
    }
}

/// The slot of packed key `k`: the top `64 - shift` bits of its product with `multiplier`.
const fn slot(k: u64, multiplier: u64, shift: u32) -> usize {
    (k.wrapping_mul(multiplier) >> shift) as usize
}

/// The bytes of `w` (one to [`SHORT`]) in one integer, the first byte lowest, and its length in the
/// top byte: words of different lengths never pack alike, and none packs to 0 (an empty slot).
const fn pack(w: &[u8]) -> u64 {
    let mut x = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() && i < SHORT {
        x |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    x
}

/// [`pack`] at run time, without a loop: two overlapping four-byte loads (or three bytes) put every
/// byte in its place, the overlap agreeing with itself.
#[inline]
fn pack_short(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!((1..=SHORT).contains(&n));
    let x = if n >= 4 {
        let four = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes")));
        four(0) | four(n - 4) << (8 * (n - 4))
    } else {
        u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1))
    };
    let k = x | (n as u64) << 56;
    debug_assert_eq!(k, pack(b));
    k
}

/// Keys of one to sixteen bytes mapped to values, in an open-addressing table of keys packed into
/// integers: a lookup is a multiply and a few integer compares, without hashing bytes or calling
/// a byte comparison. Longer keys are not held (the caller keeps them elsewhere).
#[derive(Debug, Default)]
pub struct ShortMap {
    slots: Vec<Slot>,
    mask: usize,
    /// The keys held.
    len: usize,
}

/// A key of one to sixteen bytes as two words that together cover every byte, and its length (0
/// marks an empty slot).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ShortKey {
    lo: u64,
    hi: u64,
    len: u32,
}

/// A key and its value in 24 bytes, so that a table of a few hundred words stays in the nearest
/// cache.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u32,
    value: u32,
}

impl Slot {
    #[inline]
    fn holds(&self, k: &ShortKey) -> bool {
        self.lo == k.lo && self.hi == k.hi && self.len == k.len
    }
}

/// Longest key a [`ShortMap`] holds.
pub const SHORT_MAP_KEY: usize = 16;

impl ShortKey {
    /// The packed form of `b`, one to sixteen bytes: its first and last eight (or four) bytes, or
    /// for up to three bytes each of them, which with the length determine it.
    #[inline]
    fn of(b: &[u8]) -> ShortKey {
        let n = b.len();
        debug_assert!((1..=SHORT_MAP_KEY).contains(&n));
        let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        let half = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes")));
        let (lo, hi) = match n {
            9.. => (word(0), word(n - 8)),
            8 => (word(0), 0),
            // Two overlapping loads put every byte in its place, the overlap agreeing with itself.
            4..=7 => (half(0) | half(n - 4) << (8 * (n - 4)), 0),
            _ => (u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)), 0),
        };
        ShortKey { lo, hi, len: n as u32 }
    }

    /// The packed form of a key of one to eight bytes given as `word`, its bytes in order (the
    /// first lowest) and zeros past its `len`: what [`ShortKey::of`] gives for it (a key of up to
    /// eight bytes is its bytes, zero-padded, in `lo`).
    #[inline(always)]
    fn of_word(word: u64, len: usize) -> ShortKey {
        debug_assert!((1..=8).contains(&len) && (len == 8 || word >> (8 * len) == 0));
        ShortKey { lo: word, hi: 0, len: len as u32 }
    }

    #[inline]
    fn slot(&self, mask: usize) -> usize {
        let h = (self.lo ^ self.hi.rotate_left(29) ^ u64::from(self.len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & mask
    }
}

impl ShortMap {
    /// The map of the `entries` whose keys have one to sixteen bytes (others are left out).
    pub fn new<'k>(entries: impl IntoIterator<Item = (&'k str, u32)>) -> ShortMap {
        let entries: Vec<(ShortKey, u32)> = entries
            .into_iter()
            .filter(|(k, _)| (1..=SHORT_MAP_KEY).contains(&k.len()))
            .map(|(k, v)| (ShortKey::of(k.as_bytes()), v))
            .collect();
        // At most half full: a miss ends at an empty slot after a probe or two.
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut map = ShortMap { slots: vec![Slot::default(); size], mask, len: 0 };
        for (k, value) in entries {
            map.put(k, value);
        }
        map
    }

    /// Maps `key` to `value` (in place of any value it had), if it has one to sixteen bytes: the
    /// table doubles when it would be more than half full.
    pub fn insert(&mut self, key: &str, value: u32) {
        if !(1..=SHORT_MAP_KEY).contains(&key.len()) {
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(16);
            let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
            self.mask = size - 1;
            self.len = 0;
            for at in old.into_iter().filter(|at| at.len != 0) {
                self.put(ShortKey { lo: at.lo, hi: at.hi, len: at.len }, at.value);
            }
        }
        self.put(ShortKey::of(key.as_bytes()), value);
    }

    /// Puts `k` with `value` in its slot (the table has an empty one).
    fn put(&mut self, k: ShortKey, value: u32) {
        let mut s = k.slot(self.mask);
        while self.slots[s].len != 0 && !self.slots[s].holds(&k) {
            s = (s + 1) & self.mask;
        }
        self.len += usize::from(self.slots[s].len == 0);
        self.slots[s] = Slot { lo: k.lo, hi: k.hi, len: k.len, value };
    }

    /// The value of `key`, if it has one to sixteen bytes and is in the map.
    #[inline]
    pub fn get(&self, key: &str) -> Option<u32> {
        let b = key.as_bytes();
        if !(1..=SHORT_MAP_KEY).contains(&b.len()) || self.slots.is_empty() {
            return None;
        }
        self.find(ShortKey::of(b))
    }

    /// [`ShortMap::get`] for a key of one to eight bytes given as `word`, its bytes in order (the
    /// first lowest) and zeros past its `len` (one load of the tokenizer's keys, masked, instead
    /// of the two or three loads that pack a key of a string).
    #[inline(always)]
    pub fn get_word(&self, word: u64, len: usize) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.find(ShortKey::of_word(word, len))
    }

    /// The value of the packed key `k`, if it is in the (not empty) map.
    #[inline(always)]
    fn find(&self, k: ShortKey) -> Option<u32> {
        let mut s = k.slot(self.mask);
        loop {
            let at = &self.slots[s];
            if at.holds(&k) {
                return Some(at.value);
            }
            if at.len == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// `fn name(key: &str) -> bool`, whether `key` is one of the words of a list, through a [`Packed`]
/// table of it built at compile time: `packed_set!(fn is_clause_start = CLAUSE_STARTS);`.
macro_rules! packed_set {
    ($(#[$doc:meta])* fn $name:ident = $list:expr;) => {
        $(#[$doc])*
        fn $name(key: &str) -> bool {
            static PACKED: $crate::lexicon::packed::Packed = $crate::lexicon::packed::Packed::new($list);
            PACKED.contains(key)
        }
    };
}
pub(crate) use packed_set;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lists_answer_as_the_lists() {
        const WORDS: &[&str] = &["the", "a", "nevertheless", "whereas", "—", "although", "", "'s", "upcoming"];
        const P: Packed = Packed::new(WORDS);
        let mut keys: Vec<&str> = WORDS.to_vec();
        keys.extend([
            "th",
            "thee",
            "nevertheles",
            "neverthelesss",
            "A",
            "\0",
            "the\0",
            "\0the",
            "althougH",
            "x",
            "—x",
            "\0\0\0\0\0\0\0\0",
            "upcomin",
            // The first byte changed, the length kept (or the same low five bits: "T", "4").
            "she",
            "The",
            "4he",
            "b",
            "'t",
            "\u{e2}",
        ]);
        for k in keys {
            assert_eq!(P.contains(k), WORDS.contains(&k), "{k:?}");
        }
        // Long keys of the lengths of long words and of others, up to and past 63 bytes.
        const LONG: &[&str] = &[
            "abcdefghij",
            "ABCDEFGHIJ",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "ab",
        ];
        const L: Packed = Packed::new(LONG);
        let long_a = "a".repeat(73);
        for k in [
            "abcdefghij",
            "abcdefghik",
            "abcdefghijk",
            "abcdefgh",
            &long_a,
            &"a".repeat(63),
            &"a".repeat(74),
            "ab",
            "b",
        ] {
            assert_eq!(L.contains(k), LONG.contains(&k), "{k:?}");
        }
        const NO_EMPTY: Packed = Packed::new(&["a"]);
        assert!(!NO_EMPTY.contains(""));
        assert!(!NO_EMPTY.contains("\0"));
    }

    #[test]
    fn every_packed_key_of_a_list_is_found_and_no_other() {
        const WORDS: &[&str] = &["on", "in", "at", "since", "during", "by", "from", "until", "of", "for"];
        const P: Packed = Packed::new(WORDS);
        // All keys of one or two lower-case letters, and the words with a letter changed.
        let mut keys: Vec<String> = Vec::new();
        for a in 'a'..='z' {
            keys.push(a.to_string());
            for b in 'a'..='z' {
                keys.push(format!("{a}{b}"));
            }
        }
        for w in WORDS {
            for i in 0..w.len() {
                let mut v = w.as_bytes().to_vec();
                v[i] ^= 1;
                keys.push(String::from_utf8(v).unwrap());
            }
        }
        for k in &keys {
            assert_eq!(P.contains(k), WORDS.contains(&k.as_str()), "{k:?}");
        }
    }

    #[test]
    fn short_maps_find_their_keys_and_no_other() {
        let words: Vec<String> = (0..600)
            .map(|i| format!("{}{}", ["a", "th", "monday", "sept", "x'", "é", "abcdefghijklmno"][i % 7], i))
            .chain(
                ["a", "ab", "abc", "abcd", "abcdefgh", "abcdefghijklmnop", "abcdefghijklmnopq", ""].map(String::from),
            )
            .collect();
        let map = ShortMap::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i as u32 + 1)));
        for (i, w) in words.iter().enumerate() {
            let want = (1..=SHORT_MAP_KEY).contains(&w.len()).then_some(i as u32 + 1);
            // The first of equal words wins nowhere here: all differ.
            assert_eq!(map.get(w), want, "{w:?}");
        }
        // Built one key at a time, the map answers the same.
        let mut grown = ShortMap::default();
        for (i, w) in words.iter().enumerate() {
            grown.insert(w, i as u32 + 1);
        }
        for w in words.iter().map(String::as_str).chain(["b", "abd", "monday", "th1000", "\0"]) {
            assert_eq!(grown.get(w), map.get(w), "{w:?}");
        }
        for miss in ["b", "abd", "abce", "abcdefgi", "abcdefghijklmnoq", "monday", "th1000", "\0", "a\0"] {
            assert_eq!(map.get(miss), None, "{miss:?}");
        }
        assert_eq!(ShortMap::default().get("a"), None);
        // A key of up to eight bytes read as one masked word finds what the string finds.
        for w in words.iter().map(String::as_str).chain(["b", "abd", "abce", "abcdefgi", "\0", "a\0", "th1", "é1"]) {
            let n = w.len();
            if (1..=8).contains(&n) {
                let mut padded = [0u8; 8];
                padded[..n].copy_from_slice(w.as_bytes());
                assert_eq!(map.get_word(u64::from_le_bytes(padded), n), map.get(w), "{w:?}");
            }
        }
        assert_eq!(ShortMap::default().get_word(u64::from(b'a'), 1), None);
    }

    #[test]
    fn keys_pack_alike_at_compile_time_and_at_run_time() {
        for w in ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "—", "é", "'s", "\0", "\0\0\0\0\0"] {
            assert_eq!(pack_short(w.as_bytes()), pack(w.as_bytes()), "{w:?}");
        }
    }
}
