//! How often a habit is due: every day, N times in any D days (a rolling
//! window, as Loop Habit Tracker counts), or on chosen weekdays.
//!
//! Written the same way everywhere a person writes one, on the command line
//! and in `habits.ron`: `daily`, `3/7`, `3/week`, `weekly`, `2/month`,
//! `mon,wed,fri`.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

/// The longest window a schedule counts in: a year.
pub const MAX_DAYS: u32 = 365;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Schedule {
    #[default]
    Daily,
    /// `times` done days in any `days` days running (1 ≤ times ≤ days).
    Times { times: u32, days: u32 },
    /// Due on these weekdays only; the others are days off, set aside as a
    /// skipped day is.
    Weekdays(Weekdays),
}

/// A set of weekdays, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weekdays(u8);

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const FULL_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Weekdays {
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }
}

impl Schedule {
    /// Reads a schedule as a person writes one; what it refuses, it says why.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim().to_lowercase();
        let times_in = |times: &str, days: u32| {
            let times = times.trim().parse::<u32>().map_err(|_| {
                format!("\"{text}\": the number of times is a whole number, e.g. 3/7")
            })?;
            Self::times(times, days)
        };
        match text.as_str() {
            "daily" | "every day" => return Ok(Self::Daily),
            "weekly" => return Self::times(1, 7),
            "monthly" => return Self::times(1, 30),
            _ => {}
        }
        if let Some((times, per)) = text.split_once('/') {
            return match per.trim() {
                "week" => times_in(times, 7),
                "month" => times_in(times, 30),
                days => match days.parse::<u32>() {
                    Ok(days) => times_in(times, days),
                    Err(_) => Err(format!(
                        "\"{text}\": after the / comes a number of days, `week` or `month`, \
                         e.g. 3/7 or 2/week"
                    )),
                },
            };
        }
        let mut days = 0u8;
        for name in text.split(',').map(str::trim) {
            let Some(day) = (0..7).find(|&i| name == NAMES[i] || name == FULL_NAMES[i]) else {
                return Err(format!(
                    "\"{name}\" is not a schedule or a weekday; write daily, N/D (3/7), \
                     N/week, weekly, N/month, or weekdays ({})",
                    NAMES.join(",")
                ));
            };
            days |= 1 << day;
        }
        Ok(match days {
            0b111_1111 => Self::Daily,
            days => Self::Weekdays(Weekdays(days)),
        })
    }

    /// `times` in `days`, checked; once a day is daily.
    pub fn times(times: u32, days: u32) -> Result<Self, String> {
        if days == 0 || days > MAX_DAYS {
            return Err(format!(
                "{times}/{days}: the days are 1 to {MAX_DAYS} (3/7 is three times a week)"
            ));
        }
        if times == 0 {
            return Err(format!(
                "{times}/{days}: a habit is due at least once (1/{days})"
            ));
        }
        if times > days {
            return Err(format!(
                "{times}/{days}: at most once a day, so at most {days} times in {days} days"
            ));
        }
        Ok(if times == days {
            Self::Daily
        } else {
            Self::Times { times, days }
        })
    }

    /// Done days wanted per day: 1 for a daily habit and on a weekday
    /// schedule (whose days off are set aside), `times / days` otherwise.
    pub fn frequency(self) -> f64 {
        match self {
            Self::Times { times, days } => f64::from(times) / f64::from(days),
            Self::Daily | Self::Weekdays(_) => 1.0,
        }
    }

    /// The window a done day is counted in, and how many it wants: (N, D).
    pub fn window(self) -> (u32, u32) {
        match self {
            Self::Times { times, days } => (times, days),
            Self::Daily | Self::Weekdays(_) => (1, 1),
        }
    }

    /// The window a count of done days is over, in words: "this week" for
    /// 3/7, "this month" for 2/30, "in 10 days"; `None` but for N in D days.
    pub fn window_words(self) -> Option<String> {
        match self {
            Self::Times { days: 7, .. } => Some("this week".into()),
            Self::Times { days: 30, .. } => Some("this month".into()),
            Self::Times { days, .. } => Some(format!("in {days} days")),
            Self::Daily | Self::Weekdays(_) => None,
        }
    }

    /// Whether `date` is a day the habit is due on at all: every day but the
    /// days off of a weekday schedule.
    pub fn is_day_on(self, date: NaiveDate) -> bool {
        match self {
            Self::Weekdays(days) => days.contains(date.weekday()),
            Self::Daily | Self::Times { .. } => true,
        }
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Daily => f.write_str("daily"),
            Self::Times { times, days } => write!(f, "{times}/{days}"),
            Self::Weekdays(days) => {
                let names: Vec<&str> = (0..7)
                    .filter(|i| days.0 & (1 << i) != 0)
                    .map(|i| NAMES[i])
                    .collect();
                f.write_str(&names.join(","))
            }
        }
    }
}
