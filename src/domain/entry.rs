//! What is written down for a habit on a day, and what that means for it.

/// What is written down for a habit on a day. A habit with no entry on a
/// past day was missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    Done,
    /// Deliberately set aside (rest, illness, travel): neither breaks nor
    /// extends a streak, and leaves strength unchanged.
    Skipped,
    /// How much of a measured habit was done: always above zero.
    Amount(f64),
}

/// What an entry means for a particular habit (see `Habit::status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done,
    /// Some of a measured habit's target, not all of it: not yet done.
    Partial,
    Skipped,
    /// More than a limit allows.
    Over,
}
