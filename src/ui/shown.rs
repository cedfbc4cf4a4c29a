//! A window onto a list of habits too long for its rows.

/// The habits a list has rows for: every one, or a window that keeps the
/// selection in view, with a row each for how many are above and below it.
#[derive(Debug, PartialEq, Eq)]
pub struct Shown {
    pub range: std::ops::Range<usize>,
    /// Habits before the window, told on a row of their own (0: no row).
    pub above: usize,
    pub below: usize,
}

impl Shown {
    pub fn new(len: usize, rows: usize, selected: usize) -> Self {
        let selected = selected.min(len.saturating_sub(1));
        let window = |start: usize, end: usize, told: bool| Shown {
            range: start..end,
            above: if told { start } else { 0 },
            below: if told { len - end } else { 0 },
        };
        if len <= rows {
            return window(0, len, true);
        }
        // Too few rows to say what is hidden: the selection alone, at least.
        if rows < 3 {
            let shown = rows.max(1);
            let start = (selected + 1).saturating_sub(shown);
            return window(start, start + shown, false);
        }
        if selected < rows - 1 {
            return window(0, rows - 1, true);
        }
        if selected >= len - (rows - 1) {
            return window(len - (rows - 1), len, true);
        }
        // The selection at the foot of the window, as the checklist scrolls.
        let start = selected + 1 - (rows - 2);
        window(start, start + rows - 2, true)
    }

    /// The rows that say how many more there are: "↑ 4 more".
    pub fn more_above(&self) -> Option<String> {
        (self.above > 0).then(|| format!("↑ {} more", self.above))
    }

    pub fn more_below(&self) -> Option<String> {
        (self.below > 0).then(|| format!("↓ {} more", self.below))
    }

    /// "· 5–13 of 20 " for a title, when not every habit shows.
    pub fn of(&self, len: usize) -> String {
        let (first, last) = (self.range.start + 1, self.range.end);
        match self.range.len() {
            n if n == len => String::new(),
            1 => format!("· {last} of {len} "),
            _ => format!("· {first}–{last} of {len} "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Shown;

    #[test]
    fn the_window_keeps_the_selection_in_view_and_tells_what_is_hidden() {
        let shown = |len: usize, rows: usize, selected: usize| {
            let s = Shown::new(len, rows, selected);
            assert!(s.range.contains(&selected.min(len - 1)), "{s:?}");
            let told = usize::from(s.above > 0) + usize::from(s.below > 0);
            assert!(s.range.len() + told <= rows.max(1), "{s:?} in {rows} rows");
            (s.range.start, s.range.end, s.above, s.below)
        };
        assert_eq!(shown(5, 9, 4), (0, 5, 0, 0), "all fit");
        assert_eq!(shown(7, 4, 0), (0, 3, 0, 4));
        assert_eq!(shown(7, 4, 2), (0, 3, 0, 4));
        assert_eq!(shown(7, 4, 3), (2, 4, 2, 3));
        assert_eq!(shown(7, 4, 6), (4, 7, 4, 0));
        assert_eq!(shown(20, 9, 10), (4, 11, 4, 9));
        assert_eq!(shown(7, 2, 5), (4, 6, 0, 0), "no room to tell");
        for len in 1..25 {
            for rows in 0..25 {
                for selected in 0..len {
                    shown(len, rows, selected);
                }
            }
        }
    }
}
