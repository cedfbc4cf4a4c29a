//! gutbone: a terminal habit coach for the gut–bone axis.
//!
//! A pure core (`domain`, `coach`, `app`, `update`, `ui`) and a thin shell
//! (`store` for the disk, `tui` for the terminal and the clock).

pub mod action;
pub mod app;
pub mod cli;
pub mod clock;
pub mod coach;
pub mod columns;
pub mod commands;
pub mod domain;
pub mod exchange;
pub mod form;
pub mod generate;
pub mod keymap;
pub mod look;
pub mod own_files;
pub mod position;
pub mod screen;
pub mod store;
pub mod symbols;
pub mod sync;
pub mod test_hooks;
pub mod tui;
pub mod ui;
pub mod undo;
pub mod update;
