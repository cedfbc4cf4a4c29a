//! The story's calendar card: a year of days as a heat map, weeks as
//! columns, and where a click on it lands.

use super::*;

/// Where the calendar puts its days: weeks as columns, weekdays as rows
/// under a row of month names, after a column of weekday names.
pub(super) struct Grid {
    inner: Rect,
    first: NaiveDate,
    last: NaiveDate,
    week_start: crate::domain::settings::WeekStart,
    /// Columns to a week: two when the year fits so, else one.
    cell: u16,
    /// The first week shown, counted from the year's first, and how many.
    first_week: u16,
    shown: u16,
}

impl Grid {
    /// "Mo ": the weekday names' column.
    const LABEL: u16 = 3;

    pub(super) fn new(app: &App, inner: Rect) -> Option<Self> {
        let year = app.detail.year;
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
        let mut grid = Self {
            inner,
            first,
            last,
            week_start: app.settings.week_start,
            cell: 1,
            first_week: 0,
            shown: 0,
        };
        let weeks = grid.week_of(last) + 1;
        let room = inner.width.saturating_sub(Self::LABEL);
        grid.cell = if room >= weeks * 2 { 2 } else { 1 };
        // Too narrow for the year: the weeks up to today (or the year's end).
        grid.shown = (room / grid.cell).min(weeks);
        let end_week = grid.week_of(last.min(app.today).max(first));
        grid.first_week = (end_week + 1).saturating_sub(grid.shown);
        Some(grid)
    }

    pub(super) fn week_of(&self, date: NaiveDate) -> u16 {
        let start = |d| date::week_start(d, self.week_start);
        ((start(date) - start(self.first)).num_days() / 7) as u16
    }

    /// The weekdays in row order.
    pub(super) fn weekdays(&self) -> [NaiveDate; 7] {
        date::week_days(date::week_start(self.first, self.week_start))
    }

    /// Where `date` is drawn, if it is shown.
    pub(super) fn cell_of(&self, date: NaiveDate) -> Option<Position> {
        let week = self.week_of(date);
        let row = (date - date::week_start(date, self.week_start)).num_days() as u16;
        let x = self.inner.x + Self::LABEL + week.checked_sub(self.first_week)? * self.cell;
        let y = self.inner.y + 1 + row;
        (week < self.first_week + self.shown && y < self.inner.bottom())
            .then_some(Position::new(x, y))
    }

    pub(super) fn date_at(&self, point: Position) -> Option<NaiveDate> {
        let column = point.x.checked_sub(self.inner.x + Self::LABEL)? / self.cell;
        let row = point.y.checked_sub(self.inner.y + 1)?;
        if column >= self.shown || row >= 7 {
            return None;
        }
        let week = i64::from(self.first_week + column);
        let date = date::add_weeks(self.weekdays()[usize::from(row)], week);
        (self.first..=self.last).contains(&date).then_some(date)
    }
}

impl View<'_> {
    pub(super) fn calendar(&self, buf: &mut Buffer) {
        let app = self.app;
        let block = self.block(format!(" {} ", app.detail.year));
        let inner = block.inner(self.area);
        block.render(self.area, buf);
        let Some(grid) = Grid::new(app, inner) else {
            return;
        };
        let (first, last) = (grid.first, grid.last);
        let days = self.story.between(first, last);
        let story_start = self.story.days.first().map_or(app.today, |day| day.date);
        let mut next_label_x = 0;
        for date in first.iter_days().take_while(|date| *date <= last) {
            let Some(at) = grid.cell_of(date) else {
                continue;
            };
            // A month is named over the week of its first day, or over the
            // first week drawn when the year's start is cut off.
            let starts = date.day() == 1 || (next_label_x == 0 && date.day() <= 7);
            if starts && at.x >= next_label_x && at.x + 3 <= inner.right() {
                let month = date.format("%b").to_string();
                buf.set_string(at.x, inner.y, month, app.theme.dim);
                next_label_x = at.x + 4;
            }
            let found = (days.first())
                .and_then(|d0| days.get(usize::try_from((date - d0.date).num_days()).ok()?));
            let (symbol, mut style) = match found {
                Some(day) => app.theme.mark(week::mark(
                    app.history.log.status(date, self.habit),
                    Some(day.verdict),
                    date,
                    app.today,
                    Some(story_start),
                )),
                None if date < app.today => (symbols::MARK_BEFORE, app.theme.dim),
                None => app.theme.mark(Mark::Upcoming),
            };
            if date == app.today {
                style = style.patch(app.theme.today_column);
            }
            buf.set_string(at.x, at.y, symbol, style);
        }
        for (row, day) in grid.weekdays().iter().enumerate() {
            let y = inner.y + 1 + row as u16;
            if row % 2 == 0 && y < inner.bottom() {
                let name: String = day.format("%a").to_string().chars().take(2).collect();
                buf.set_string(inner.x, y, name, app.theme.dim);
            }
        }
        if inner.height > 8 {
            let mut legend =
                crate::ui::week::legend(&app.theme, self.habit.schedule != Schedule::Daily);
            if self.story.days.first().is_some_and(|day| day.date > first) {
                let before = format!(" {}", symbols::MARK_BEFORE);
                legend.push_span(Span::styled(before, app.theme.dim));
                legend.push_span(" before it began");
            }
            let rows = Rect {
                y: inner.y + 8,
                height: inner.height - 8,
                ..inner
            };
            Paragraph::new(legend)
                .wrap(Wrap { trim: true })
                .render(rows, buf);
        }
    }
}
