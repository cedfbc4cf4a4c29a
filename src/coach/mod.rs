//! The coach: the tip that fits the moment, and one line reacting to the day.
//! What it says is content in `assets/` (embedded in the binary); this module
//! only chooses.

mod line;
mod tips;

pub use line::{CoachLines, Rule, Trigger};
pub use tips::{Article, MAX_TIP_CHARS, Moment, ShownTip, Tip, Tips, When};
