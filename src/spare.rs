//! Spare buffers, per thread: buffers that one document's extraction is done with (a sentence's
//! tokens, a tense cache, a value string) are handed back here and handed out again to the next,
//! so that a batch run does not allocate and free them once per sentence or mention. Owns only
//! the keeping; what a buffer holds, and when it is given back, is its user's business.

use std::cell::{Cell, RefCell};

/// A bounded stack of spare buffers of one kind, for a `thread_local!` (see the module docs).
pub(crate) struct Spares<T> {
    kept: RefCell<Vec<T>>,
    /// Most buffers kept, so that memory stays flat.
    max: usize,
}

impl<T> Spares<T> {
    /// An empty stack keeping at most `max` buffers.
    pub(crate) const fn new(max: usize) -> Spares<T> {
        Spares { kept: RefCell::new(Vec::new()), max }
    }

    /// A spare buffer, as it was given back, if there is one.
    pub(crate) fn take(&self) -> Option<T> {
        // (A nested use finds the stack borrowed: it goes without.)
        self.kept.try_borrow_mut().ok().and_then(|mut kept| kept.pop())
    }

    /// Keeps `buffer` for a later [`Spares::take`], unless the stack is full.
    pub(crate) fn give(&self, buffer: T) {
        if let Ok(mut kept) = self.kept.try_borrow_mut() {
            if kept.len() < self.max {
                kept.push(buffer);
            }
        }
    }
}

/// One spare buffer of one kind, for a `thread_local!`: a buffer used once a document (a name, a
/// list of positions), where the bounded stack of [`Spares`] costs more than it saves (about 90
/// instructions a document each, measured). A nested use finds it taken and starts empty.
pub(crate) struct Slot<T>(Cell<T>);

impl<T: Default> Slot<T> {
    /// A slot holding `empty` (a `const` for `thread_local!`: `String::new()`, `Vec::new()`).
    pub(crate) const fn new(empty: T) -> Slot<T> {
        Slot(Cell::new(empty))
    }

    /// The buffer kept, as it was given back (or an empty one).
    pub(crate) fn take(&self) -> T {
        self.0.take()
    }

    /// Keeps `buffer` for the next [`Slot::take`].
    pub(crate) fn give(&self, buffer: T) {
        self.0.set(buffer);
    }
}
