//! The yardstick for gutbone's start-up: a bare ratatui program that draws
//! one bordered paragraph and waits for `q`. `benches/startup` runs it beside
//! gutbone, so the figures compare on the same machine in the same minute.

use crossterm::event::{self, KeyCode};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    ratatui::run(|terminal| {
        loop {
            terminal.draw(|frame| {
                let block = Block::bordered()
                    .title(" minimal ")
                    .title_bottom(" q quits ");
                frame.render_widget(
                    Paragraph::new("A bare ratatui program.").block(block),
                    frame.area(),
                );
            })?;
            if let Some(key) = event::read()?.as_key_press_event()
                && key.code == KeyCode::Char('q')
            {
                return Ok(());
            }
        }
    })
}
