//! Why a command did not finish, and the exit status that says so.

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

use claimgraph::Error;

/// Why a command did not finish.
#[derive(Debug)]
pub enum Failure {
    /// The core refused: input that is not a graph, an unknown claim, a merge conflict, a file
    /// that cannot be read or written. `file` names the input it came from, when one did.
    Graph {
        /// The input, as the command line named it (`standard input` for `-`).
        file: Option<String>,
        /// The core's error (boxed: it is large, and failures are rare).
        error: Box<Error>,
        /// What the reader can do about it, when the error alone does not say.
        hint: Option<String>,
    },
    /// The command line asks for something that cannot be done as written (exit status 2).
    Usage(String),
    /// The problems were already written, one per file (validate); the message sums them up.
    /// Exit status 1.
    Reported(String),
}

impl Failure {
    /// An error of the core about no file in particular.
    pub fn graph(error: Error) -> Failure {
        Failure::Graph {
            file: None,
            error: Box::new(error),
            hint: None,
        }
    }

    /// An error of the core while reading `file`. Format errors that do not say which file
    /// they are in are given its name, so the message names the file once.
    pub fn in_file(file: &str, error: Error) -> Failure {
        let error = match error {
            Error::Format {
                format,
                mut location,
                message,
            } => {
                location.path.get_or_insert_with(|| PathBuf::from(file));
                Error::Format {
                    format,
                    location,
                    message,
                }
            }
            Error::UnsupportedVersion {
                format,
                mut location,
                found,
                supported,
            } => {
                location.path.get_or_insert_with(|| PathBuf::from(file));
                Error::UnsupportedVersion {
                    format,
                    location,
                    found,
                    supported,
                }
            }
            other => other,
        };
        let named = matches!(
            error,
            Error::Format { .. } | Error::UnsupportedVersion { .. } | Error::Io { .. }
        );
        Failure::Graph {
            file: (!named).then(|| file.to_owned()),
            error: Box::new(error),
            hint: None,
        }
    }

    /// The same failure, with advice for the reader.
    pub fn hint(self, advice: impl Into<String>) -> Failure {
        match self {
            Failure::Graph { file, error, .. } => Failure::Graph {
                file,
                error,
                hint: Some(advice.into()),
            },
            other => other,
        }
    }

    /// Writing to standard output failed because its reader went away (`| head`): not a
    /// failure of the command.
    pub fn is_closed_output(&self) -> bool {
        match self {
            Failure::Graph { error, .. } => matches!(
                &**error,
                Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe
            ),
            _ => false,
        }
    }

    /// 2 for a command line that cannot be run, 1 for everything else.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Usage(_) => ExitCode::from(2),
            _ => ExitCode::FAILURE,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Graph { file, error, hint } => {
                if let Some(file) = file {
                    write!(f, "{file}: ")?;
                }
                write!(f, "{error}")?;
                if let Some(hint) = hint {
                    write!(f, "\n  hint: {hint}")?;
                }
                Ok(())
            }
            Failure::Usage(message) => f.write_str(message),
            Failure::Reported(summary) => f.write_str(summary),
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::graph(error)
    }
}
