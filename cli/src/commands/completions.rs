//! `claimgraph completions SHELL`

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// Writes the completion script for a shell to standard output.
///
/// For example `claimgraph completions bash > ~/.local/share/bash-completion/completions/claimgraph`,
/// or `claimgraph completions zsh > ~/.zfunc/_claimgraph`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell.
    #[arg(value_enum, value_name = "SHELL")]
    shell: Shell,
}

/// Writes the script.
pub fn run(args: Args, _ui: &Ui) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "claimgraph", &mut script);
    write_text("-", &String::from_utf8_lossy(&script))
}
