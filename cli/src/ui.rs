//! What the command line says on standard error: progress, notes, warnings and errors, in
//! colour when asked for and when the terminal can show it.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use anstyle::{AnsiColor, Style};
use clap::ColorChoice;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::GlobalArgs;
use crate::failure::Failure;

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
/// How a good outcome is shown (validate's "ok").
pub const GOOD: Style = AnsiColor::Green.on_default().bold();
/// How a bad outcome is shown (validate's "error").
pub const BAD: Style = ERROR;

/// Applies `--color` to everything written through [`anstream`] (`NO_COLOR` and
/// `CLICOLOR_FORCE` are honoured under `auto`).
pub fn set_color(choice: ColorChoice) {
    let choice = match choice {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    choice.write_global();
}

/// Progress and messages on standard error.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    quiet: bool,
    progress: bool,
}

impl Ui {
    /// `--quiet` silences all but errors; progress bars are drawn only on a terminal.
    pub fn new(global: &GlobalArgs) -> Ui {
        Ui {
            quiet: global.quiet,
            progress: !global.quiet && std::io::stderr().is_terminal(),
        }
    }

    /// A bar counting the bytes read of `what` (a spinner when the length is unknown), hidden
    /// when progress is not shown.
    pub fn reading(&self, what: &str, len: Option<u64>) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let bar = match len {
            Some(len) => ProgressBar::new(len).with_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {binary_bytes}/{binary_total_bytes} ({eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {msg} {binary_bytes}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_message(format!("reading {what}"));
        bar
    }

    /// A spinner for one long step (a merge, a picture), hidden when progress is not shown.
    pub fn working(&self, what: &str) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let spinner = ProgressBar::new_spinner().with_message(what.to_owned());
        spinner.enable_steady_tick(Duration::from_millis(100));
        spinner
    }

    /// Whether notes and warnings are written.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// A line of information on standard error (a summary), unless quiet.
    pub fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            let _ = writeln!(anstream::stderr(), "{}", message.as_ref());
        }
    }

    /// A warning on standard error, unless quiet.
    pub fn warn(&self, message: impl AsRef<str>) {
        if !self.quiet {
            let _ = writeln!(
                anstream::stderr(),
                "{WARNING}warning{WARNING:#}: {}",
                message.as_ref()
            );
        }
    }

    /// Why the command failed, on standard error, always.
    pub fn error(&self, failure: &Failure) {
        let _ = writeln!(anstream::stderr(), "{ERROR}error{ERROR:#}: {failure}");
    }
}
