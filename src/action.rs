//! What a person can ask for. Keys map to these (see `keymap`, which also
//! names them for `keys.ron`); `update` carries them out.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SelectUp,
    SelectDown,
    ToggleSelected,
    /// Mark the selected habit skipped on the viewed day (or unskip it).
    SkipSelected,
    /// Toggle the habit at this position on the checklist (0-based).
    ToggleHabit(usize),
    /// Add one step to the selected habit's amount (`+`).
    AddStep,
    /// Take one step away (`-`).
    RemoveStep,
    /// Type an exact amount for the selected habit (`=`).
    TypeAmount,
    AddHabit,
    EditHabit,
    /// Archive the selected habit, after asking.
    ArchiveHabit,
    MoveHabitUp,
    MoveHabitDown,
    PrevDay,
    NextDay,
    PrevWeek,
    NextWeek,
    GoToday,
    NextTip,
    PrevTip,
    /// Write or change the note on the viewed day.
    EditNote,
    /// A character typed into the note being edited.
    Type(char),
    DeleteBack,
    /// The next or previous field of a form.
    NextField,
    PrevField,
    /// Keep what was typed.
    Confirm,
    Undo,
    Redo,
    ToggleHelp,
    OpenReview,
    /// A habit's whole story, full screen (`i`).
    OpenDetail,
    /// On the detail screen: the next range of the strength chart.
    NextRange,
    /// Move the focus to the next panel (`Tab`), or the one before.
    FocusNext,
    FocusPrev,
    /// Close the open overlay, or quit when there is none.
    Back,
    Quit,
}
