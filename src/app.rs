//! The state of the TUI. Rendering reads it; only `update` changes it.

use chrono::{NaiveDate, NaiveDateTime};

use crate::coach::{CoachLines, Moment, Tips};
use crate::domain::review::WeeklyReview;
use crate::domain::settings::Settings;
use crate::domain::stats::{HabitStats, counted_today, perfect_days};
use crate::domain::story::Story;
use crate::domain::streak::PerfectDay;
use crate::domain::week::EARLIER_WEEKS;
use crate::domain::{DayCount, Habit, HabitId, History, date};
use crate::form::HabitForm;
use crate::screen::{Panel, Tier};
use crate::undo::Undo;
use ratatui::layout::Rect;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The full-screen weekly review.
    Review,
    /// Writing the note for the viewed day (the draft is `App::note_draft`).
    Note,
    /// Typing an exact amount for the selected habit (`App::amount_draft`).
    Amount,
    /// Adding or editing a habit (`App::form`).
    HabitForm,
    /// Asking before the selected habit is archived.
    ConfirmArchive,
    /// The selected habit's whole story, full screen.
    Detail,
}

/// How far back the detail screen's strength chart looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartRange {
    #[default]
    Quarter,
    Year,
    All,
}

impl ChartRange {
    pub fn next(self) -> Self {
        match self {
            Self::Quarter => Self::Year,
            Self::Year => Self::All,
            Self::All => Self::Quarter,
        }
    }

    /// The days the chart shows, counting back from today; `None`: all.
    pub fn days(self) -> Option<u64> {
        match self {
            Self::Quarter => Some(91),
            Self::Year => Some(365),
            Self::All => None,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Self::Quarter => "3 months",
            Self::Year => "1 year",
            Self::All => "all",
        }
    }
}

/// The detail screen's state: the story it tells, derived when it opens and
/// after each change (it walks the whole history), and where it looks.
#[derive(Clone, Debug, Default)]
pub struct Detail {
    pub story: Option<Story>,
    pub range: ChartRange,
    /// The calendar's year.
    pub year: i32,
    /// Rows scrolled down, on a screen too small for every card.
    pub scroll: u16,
}

#[derive(Debug)]
pub struct App {
    /// The habits on the checklist, in order.
    pub habits: Vec<Habit>,
    /// Habits set aside: hidden from the checklist, their history kept.
    pub archived: Vec<Habit>,
    pub history: History,
    pub tips: Tips,
    pub coach: CoachLines,
    pub settings: Settings,
    /// Streaks and strength per habit, as of `today`. Derived from `log`:
    /// refreshed by `refresh_stats` whenever the log or `today` changes, so
    /// frames do not walk the whole history.
    pub stats: Vec<HabitStats>,
    /// The weekly review while it is open, derived when it opens and after
    /// each change rather than on every frame (it walks the whole history).
    pub review: Option<WeeklyReview>,
    /// Every day's place in the perfect-day streaks, as of today: walked
    /// once when the review first wants it, not on each week it pages to.
    pub perfect_days: Option<Vec<(NaiveDate, PerfectDay)>>,
    /// The wall-clock time as of the last event.
    pub now: NaiveDateTime,
    /// The habit day `now` falls in: always `date::today`.
    pub today: NaiveDate,
    /// The day the checklist shows and edits; never after `today`.
    pub viewing: NaiveDate,
    /// While the weekly review pages through weeks: the day to go back to.
    pub viewed_before_review: Option<NaiveDate>,
    /// Index into `habits`, always in range.
    pub selected: usize,
    /// Steps through the fitting tips since the selection last moved: `n`
    /// adds one, `N` takes one away.
    pub tip_turn: i64,
    pub overlay: Option<Overlay>,
    /// The note being written while `overlay` is `Note`.
    pub note_draft: String,
    /// The amount being typed while `overlay` is `Amount`, and what was
    /// wrong with the last one tried.
    pub amount_draft: String,
    pub amount_error: Option<String>,
    pub form: HabitForm,
    /// This run's changes, for undo and redo.
    pub undo: Undo,
    /// The last save failed: cleared by the next save that succeeds.
    pub error: Option<String>,
    /// Why no change can be made now (a file on disk that does not read);
    /// set and cleared by the run loop at each key (`Msg::Blocked`).
    pub blocked: Option<String>,
    /// Why the last key did nothing (such as archiving the only habit);
    /// cleared by the next key.
    pub notice: Option<String>,
    /// A problem found at start-up that leaves the app running, such as a
    /// mistake in the person's own tips; it lasts the whole run.
    pub warning: Option<String>,
    /// The app's last sync failed (`sync: Auto`): said until one works.
    pub sync_failed: Option<String>,
    /// Where the data lives, for the help screen.
    pub data_dir: String,
    /// Colours and marks; chosen at start (settings, `--theme`, `NO_COLOR`).
    pub theme: crate::ui::theme::Theme,
    /// How many lines the help is scrolled down (on a small screen).
    pub help_scroll: u16,
    pub detail: Detail,
    /// The keys in force (the defaults, or `keys.ron`'s).
    pub keymap: crate::keymap::Keymap,
    /// The panel keys speak to first (Tab moves it).
    pub focus: Panel,
    /// The terminal's size as of the last resize, for the layout `update`
    /// needs to know (focus order, what a click hits).
    pub area: Rect,
}

impl App {
    /// Opens on today, with the first habit due today selected, so the tip
    /// speaks to what is left.
    pub fn new(
        all_habits: Vec<Habit>,
        history: History,
        tips: Tips,
        settings: Settings,
        now: NaiveDateTime,
        data_dir: String,
    ) -> Self {
        let today = date::today(now, settings.day_starts_at);
        let (archived, habits): (Vec<Habit>, Vec<Habit>) =
            all_habits.into_iter().partition(|habit| habit.archived);
        let stats = HabitStats::all(&history, &habits, today);
        let selected = stats.iter().position(|stats| stats.due).unwrap_or(0);
        Self {
            stats,
            review: None,
            perfect_days: None,
            habits,
            archived,
            history,
            tips,
            coach: CoachLines::builtin(),
            settings,
            now,
            today,
            viewing: today,
            viewed_before_review: None,
            selected,
            tip_turn: 0,
            overlay: None,
            undo: Undo::default(),
            note_draft: String::new(),
            amount_draft: String::new(),
            amount_error: None,
            form: HabitForm::default(),
            error: None,
            blocked: None,
            notice: None,
            warning: None,
            sync_failed: None,
            data_dir,
            theme: Default::default(),
            help_scroll: 0,
            detail: Detail::default(),
            keymap: Default::default(),
            focus: Panel::default(),
            area: Rect::default(),
        }
    }

    /// Re-derives `stats`, and drops the review for re-deriving; call after
    /// any change to `log`, the habits or `today`.
    pub fn refresh_stats(&mut self) {
        self.stats = HabitStats::all(&self.history, &self.habits, self.today);
        self.review = None;
        self.perfect_days = None;
        self.detail.story = None;
    }

    /// After a change to one habit's entries, whose figures alone can move.
    pub fn refresh_stats_of(&mut self, habit: &HabitId) {
        match self.habits.iter().position(|h| h.id == *habit) {
            Some(i) if self.stats.len() == self.habits.len() => {
                self.stats[i] = HabitStats::new(&self.history, &self.habits[i], self.today);
                self.review = None;
                self.perfect_days = None;
                self.detail.story = None;
            }
            Some(_) => self.refresh_stats(),
            // An archived habit has no figures on screen.
            None => {
                self.review = None;
                self.perfect_days = None;
            }
        }
    }

    /// The review of the viewed week, as of today; the perfect days taken
    /// from `perfect_days`, or walked now when they are not there.
    pub fn derive_review(&self) -> WeeklyReview {
        let walked;
        let perfect = match &self.perfect_days {
            Some(days) => days,
            None => {
                walked = self.walk_perfect_days();
                &walked
            }
        };
        WeeklyReview::new(
            &self.history,
            &self.habits,
            self.viewing,
            self.today,
            self.settings.week_start,
            perfect,
        )
    }

    /// Every day of the history as a day of the whole routine, as of today.
    pub fn walk_perfect_days(&self) -> Vec<(NaiveDate, PerfectDay)> {
        let first = self.history.first_day().unwrap_or(self.today);
        perfect_days(&self.history, &self.habits, first, self.today)
    }

    /// Whether the state reaches back before the days the log holds, so the
    /// rest must be read in (`History::fill_in`): a week shown from then (the
    /// week before the viewed one, or in the wide layout `EARLIER_WEEKS`); the
    /// weekly review, which walks the whole history; or habits the summed-up
    /// past no longer fits.
    pub fn needs_older_days(&self) -> bool {
        let Some(past) = self.history.past() else {
            return false;
        };
        let weeks_before = if Tier::of(self.area) == Tier::Wide {
            EARLIER_WEEKS
        } else {
            1
        };
        let shown_from = date::add_weeks(
            date::week_start(self.viewing, self.settings.week_start),
            -i64::from(weeks_before),
        );
        matches!(self.overlay, Some(Overlay::Review | Overlay::Detail))
            || shown_from < past.before
            || !past.fits(self.habits.iter().chain(&self.archived))
    }

    /// Every habit, archived ones last: what `habits.ron` holds.
    pub fn all_habits(&self) -> Vec<Habit> {
        self.habits.iter().chain(&self.archived).cloned().collect()
    }

    /// Replaces every habit, keeping the selection in range.
    pub fn set_habits(&mut self, all: Vec<Habit>) {
        (self.archived, self.habits) = all.into_iter().partition(|habit| habit.archived);
        self.selected = self.selected.min(self.habits.len().saturating_sub(1));
        self.refresh_stats();
    }

    /// What the coach judges against: today's log at the current time.
    pub fn moment(&self) -> Moment<'_> {
        Moment {
            history: &self.history,
            habits: &self.habits,
            stats: &self.stats,
            today: self.today,
            time: self.now.time(),
        }
    }

    /// Whether keys are text being typed rather than commands.
    pub fn is_typing(&self) -> bool {
        matches!(
            self.overlay,
            Some(Overlay::Note | Overlay::Amount | Overlay::HabitForm | Overlay::ConfirmArchive)
        )
    }

    /// What the footer must say instead of the key hints, most urgent first.
    pub fn problem(&self) -> Option<&str> {
        self.blocked
            .as_deref()
            .or(self.error.as_deref())
            .or(self.notice.as_deref())
            .or(self.warning.as_deref())
            .or(self.sync_failed.as_deref())
    }

    /// Selects the habit at `index`; the tips start again from its first.
    pub fn select(&mut self, index: usize) {
        if index != self.selected {
            self.selected = index;
            self.tip_turn = 0;
        }
    }

    /// Selects a habit by id, if it is on the checklist.
    pub fn select_id(&mut self, id: &HabitId) {
        if let Some(index) = self.habits.iter().position(|habit| habit.id == *id) {
            self.select(index);
        }
    }

    pub fn selected_habit(&self) -> Option<&Habit> {
        self.habits.get(self.selected)
    }

    pub fn is_viewing_today(&self) -> bool {
        self.viewing == self.today
    }

    /// How the viewed day went, the skipped habits set aside (and today,
    /// those done for now).
    pub fn viewing_count(&self) -> DayCount {
        let log = &self.history.log;
        match self.is_viewing_today() && self.stats.len() == self.habits.len() {
            true => log.count(
                self.today,
                counted_today(&self.habits, &self.stats, log, self.today),
            ),
            false => log.count(self.viewing, &self.habits),
        }
    }
}
