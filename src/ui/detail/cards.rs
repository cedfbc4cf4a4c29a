//! The story's cards but the calendar: overview, best streaks, strength
//! over time, weekdays and months.

use super::*;

impl View<'_> {
    pub(super) fn overview(&self, buf: &mut Buffer) {
        let days = &self.story.days;
        let theme = &self.app.theme;
        let label = |text: &'static str| Span::styled(format!("{text:<10}"), theme.dim);
        let now = days.last().map_or(0.0, |day| day.strength);
        let ago = |n: usize, when: &str| {
            let i = days.len().checked_sub(n + 1)?;
            let points = ((now - days[i].strength) * 100.0).round();
            Some(if points == 0.0 {
                format!("unchanged {when}")
            } else {
                format!("{points:+} {when}")
            })
        };
        let changes: Vec<String> = [ago(30, "in 30 days"), ago(365, "in a year")]
            .into_iter()
            .flatten()
            .collect();
        let mut strength = vec![
            label("Strength"),
            Span::styled(format!("{:.0}%", now * 100.0), theme.done),
        ];
        if !changes.is_empty() {
            strength.push(Span::raw(format!(", {}", changes.join(", "))));
        }
        let (done, due) = story::done_and_due(days);
        let since = days.first().map_or(String::new(), |day| {
            format!(" since {}", day.date.format("%-d %b %Y"))
        });
        let done_words = match percent(done, due) {
            Some(p) => format!("{done} of {due} due days ({p}%){since}"),
            None => format!("no due day yet{since}"),
        };
        let best = story::streaks(days).first().map_or(0, |s| s.days);
        let mut lines = vec![
            Line::from(strength),
            Line::from(vec![label("Done"), Span::raw(done_words)]),
            Line::from(vec![
                label("Streak"),
                Span::raw(format!(
                    "{} now, {} at best",
                    days_words(story::current_streak(days)),
                    days_words(best)
                )),
            ]),
        ];
        if let Some(m) = &self.habit.measure {
            let months = story::months(days);
            let month = |back: usize| {
                months
                    .len()
                    .checked_sub(back + 1)
                    .map_or(0.0, |i| months[i].amount)
            };
            let all: f64 = days.iter().map(|day| day.amount).sum();
            let amount = |n: f64| format!("{} {}", format_amount(n), m.unit_for(n));
            lines.push(Line::from(vec![
                label("Logged"),
                Span::raw(format!("{} in all", amount(all))),
            ]));
            lines.push(Line::from(vec![
                label(""),
                Span::raw(format!(
                    "{} this month, {} last month",
                    format_amount(month(0)),
                    format_amount(month(1)),
                )),
            ]));
        }
        Paragraph::new(lines)
            .block(self.block(" Overview ".into()))
            .render(self.area, buf);
    }

    pub(super) fn streaks(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let days = &self.story.days;
        let runs = story::streaks(days);
        let current = story::current_streak(days);
        let latest = runs.iter().map(|run| run.end).max();
        let block = self.block(" Best streaks ".into());
        let inner = block.inner(self.area);
        block.render(self.area, buf);
        if runs.is_empty() {
            Paragraph::new("No streak yet: the first day kept begins one.")
                .style(theme.dim)
                .render(inner, buf);
            return;
        }
        let longest = runs[0].days.max(1);
        let texts: Vec<(String, String)> = (runs.iter().take(usize::from(inner.height)))
            .map(|run| {
                (
                    days_words(run.days),
                    crate::ui::week::span_text(run.start, run.end),
                )
            })
            .collect();
        let days_width = texts
            .iter()
            .map(|(length, _)| length.len())
            .max()
            .unwrap_or(0);
        let lines: Vec<Line> = (runs.iter().zip(&texts))
            .map(|(run, (length, span))| {
                let now = current > 0 && Some(run.end) == latest && run.days == current;
                let room = usize::from(inner.width).saturating_sub(days_width + 30);
                let bar = "█".repeat(
                    (room as f64 * f64::from(run.days) / f64::from(longest)).ceil() as usize,
                );
                let mut spans = vec![
                    Span::raw(format!("{length:>days_width$}  ")),
                    Span::styled(bar, theme.done),
                    Span::raw(format!(" {span}")),
                ];
                if now {
                    spans.push(Span::styled(" ← now", theme.title));
                }
                Line::from(spans)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    pub(super) fn strength(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let range = self.app.detail.range;
        let today = self.app.today;
        // The axis spans the whole range, so a young habit's line starts
        // where its story does and not at the left edge.
        let (start, days) = match range.days() {
            Some(n) => {
                let from = today - Days::new(n - 1);
                (from, self.story.between(from, today))
            }
            None => {
                let first = self.story.days.first().map_or(today, |day| day.date);
                (first, &self.story.days[..])
            }
        };
        let points: Vec<(f64, f64)> = (days.iter())
            .map(|day| ((day.date - start).num_days() as f64, day.strength * 100.0))
            .collect();
        let span = (today - start).num_days();
        let format = if span < 180 { "%-d %b" } else { "%b %Y" };
        let mut labels: Vec<String> = [start, start + Days::new(span as u64 / 2), today]
            .iter()
            .map(|date| date.format(format).to_string())
            .collect();
        labels.dedup();
        if labels.len() == 1 {
            labels.insert(0, String::new());
        }
        let title = format!(" Strength, {} ", range.words());
        let chart = Chart::new(vec![
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.done)
                .data(&points),
        ])
        .block(self.block(title))
        .x_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, span.max(1) as f64])
                .labels(labels),
        )
        .y_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, 100.0])
                .labels(["0%", "50%", "100%"]),
        );
        chart.render(self.area, buf);
    }

    pub(super) fn weekdays(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let each = story::weekdays(&self.story.days);
        let order = date::week_days(date::week_start(
            self.app.today,
            self.app.settings.week_start,
        ));
        let bars: Vec<Bar> = order
            .iter()
            .map(|day| {
                let (done, due) = each[day.weekday().num_days_from_monday() as usize];
                let text = match percent(done, due) {
                    Some(p) => format!("{p}% ({done}/{due})"),
                    None => "none due".to_owned(),
                };
                Bar::new(u64::from(percent(done, due).unwrap_or(0)))
                    .label(day.format("%a").to_string())
                    .text_value(text)
                    .style(theme.done)
                    .value_style(theme.selected)
            })
            .collect();
        BarChart::horizontal(bars)
            .block(self.block(" Weekdays: share of due days done ".into()))
            .max(100)
            .bar_gap(0)
            .render(self.area, buf);
    }

    pub(super) fn months(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let year = self.app.detail.year;
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return;
        };
        let months = story::months(self.story.between(first, last));
        let block = self.block(match &self.habit.measure {
            Some(m) => format!(" {year}, each month in {} ", m.unit_for(2.0)),
            None => format!(" {year}, days done each month "),
        });
        // Twelve bars if each can be three columns wide, else the latest.
        let room = block.inner(self.area).width;
        let width = ((room + 1) / 12).saturating_sub(1).clamp(3, 5);
        let shown = usize::from((room + 1) / (width + 1)).min(12);
        let bars: Vec<Bar> = (months.iter().skip(months.len().saturating_sub(shown)))
            .map(|month| {
                let (value, text) = match &self.habit.measure {
                    Some(_) => (month.amount.round() as u64, short_amount(month.amount)),
                    None => (u64::from(month.done), month.done.to_string()),
                };
                let name = month
                    .month
                    .first_day()
                    .map_or(String::new(), |d| d.format("%b").to_string());
                Bar::new(value)
                    .label(name)
                    .text_value(text)
                    .style(theme.done)
                    .value_style(theme.selected)
            })
            .collect();
        BarChart::vertical(bars)
            .block(block)
            .bar_width(width)
            .bar_gap(1)
            .render(self.area, buf);
    }
}
