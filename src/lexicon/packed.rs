//! Short closed word lists as a perfect hash table, built at compile time: a key of at most seven
//! bytes is packed into a `u64` (bytes and length), multiplied by a constant chosen so that the
//! list's words land in distinct slots, and compared with the one word in its slot. One multiply
//! and one comparison, instead of a call to compare bytes per candidate of the same length (what a
//! `match` on strings compiles to). For the small lists read at every word of a sentence (function
//! words, clause starts).

/// Slots of a table: a power of two, four to eight times the number of words, so that a collision-free
/// multiplier is found after a few tries.
const SLOTS: usize = 256;

/// Longest word packed; longer words are compared as strings (only long keys meet them).
const SHORT: usize = 7;

/// A list of words as a perfect hash table of packed words.
pub struct Packed {
    slots: [u64; SLOTS],
    multiplier: u64,
    long: &'static [&'static str],
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
                    let s = slot(k, multiplier);
                    if slots[s] == 0 || slots[s] == k {
                        slots[s] = k;
                    } else {
                        ok = false;
                    }
                }
                i += 1;
            }
            if ok {
                return Packed { slots, multiplier, long: words };
            }
            multiplier = multiplier.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) | 1;
            tries += 1;
        }
        panic!("no multiplier places the words without collision");
    }

    /// Whether `key` is one of the words.
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        let b = key.as_bytes();
        match b.len() {
            1..=SHORT => {
                // A short loop the compiler unrolls, not a call to copy bytes.
                let k = pack(b);
                self.slots[slot(k, self.multiplier)] == k
            }
            _ => self.long.contains(&key),
        }
    }
}

/// The slot of packed key `k`: the top bits of its product with `multiplier`.
const fn slot(k: u64, multiplier: u64) -> usize {
    (k.wrapping_mul(multiplier) >> (64 - SLOTS.trailing_zeros())) as usize
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
        ]);
        for k in keys {
            assert_eq!(P.contains(k), WORDS.contains(&k), "{k:?}");
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
}
