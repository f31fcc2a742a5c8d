//! Extron SIS (Simple Instruction Set) for matrix switchers, over TCP 23 or serial: ties are
//! `input*output` followed by `!` (audio and video), `%` (video) or `$` (audio); the switcher
//! answers `Out<o> In<i> All|Vid|Aud` CR LF, or an error `E<nn>`.

pub const PORT: u16 = 23;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plane {
    All,
    Video,
    Audio,
}

impl Plane {
    fn symbol(self) -> char {
        match self {
            Plane::All => '!',
            Plane::Video => '%',
            Plane::Audio => '$',
        }
    }

    fn word(self) -> &'static str {
        match self {
            Plane::All => "All",
            Plane::Video => "Vid",
            Plane::Audio => "Aud",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Input 0 clears the output.
    Tie {
        input: u16,
        output: u16,
        plane: Plane,
    },
    /// Which input feeds an output (video or audio plane).
    TieQuery {
        output: u16,
        plane: Plane,
    },
    PresetRecall(u16),
}

pub fn encode(command: &Command) -> Vec<u8> {
    match command {
        Command::Tie {
            input,
            output,
            plane,
        } => format!("{input}*{output}{}", plane.symbol()),
        Command::TieQuery { output, plane } => format!("{output}{}", plane.symbol()),
        Command::PresetRecall(n) => format!("{n}."),
    }
    .into_bytes()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Tied {
        input: u16,
        output: u16,
        plane: Plane,
    },
    /// The input feeding the output asked about.
    Input(u16),
    PresetRecalled(u16),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtronError {
    #[error("E01: invalid input number")]
    InvalidInput,
    #[error("E10: invalid command")]
    InvalidCommand,
    #[error("E11: invalid preset number")]
    InvalidPreset,
    #[error("E12: invalid output number")]
    InvalidOutput,
    #[error("E13: invalid value")]
    InvalidValue,
    #[error("E22: busy")]
    Busy,
    #[error("E24: privilege violation")]
    Privilege,
    #[error("device error E{0:02}")]
    Other(u8),
    #[error("unreadable reply: {0:?}")]
    Malformed(String),
}

/// Whether a line is the connection banner or another unasked line to skip.
pub fn is_banner(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with("(c)") || line.starts_with("(C)") || line.contains("Extron")
}

/// Reads the reply to `command`.
pub fn decode(command: &Command, line: &str) -> Result<Reply, ExtronError> {
    let line = line.trim_end_matches(['\r', '\n']).trim();
    let malformed = || ExtronError::Malformed(line.into());
    if let Some(code) = line.strip_prefix('E').and_then(|c| c.parse::<u8>().ok()) {
        return Err(match code {
            1 => ExtronError::InvalidInput,
            10 => ExtronError::InvalidCommand,
            11 => ExtronError::InvalidPreset,
            12 => ExtronError::InvalidOutput,
            13 => ExtronError::InvalidValue,
            22 => ExtronError::Busy,
            24 => ExtronError::Privilege,
            other => ExtronError::Other(other),
        });
    }
    match command {
        Command::Tie { plane, .. } => {
            let words: Vec<&str> = line.split_whitespace().collect();
            let [out, input, word] = words.as_slice() else {
                return Err(malformed());
            };
            let output = out.strip_prefix("Out").and_then(|n| n.parse().ok());
            let input = input.strip_prefix("In").and_then(|n| n.parse().ok());
            match (output, input) {
                (Some(output), Some(input)) if *word == plane.word() => Ok(Reply::Tied {
                    input,
                    output,
                    plane: *plane,
                }),
                _ => Err(malformed()),
            }
        }
        Command::TieQuery { .. } => line.parse().map(Reply::Input).map_err(|_| malformed()),
        Command::PresetRecall(_) => line
            .strip_prefix("Rpr")
            .and_then(|n| n.parse().ok())
            .map(Reply::PresetRecalled)
            .ok_or_else(malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_match_the_manual() {
        let tie = |plane| Command::Tie {
            input: 2,
            output: 1,
            plane,
        };
        assert_eq!(encode(&tie(Plane::All)), b"2*1!");
        assert_eq!(encode(&tie(Plane::Video)), b"2*1%");
        assert_eq!(encode(&tie(Plane::Audio)), b"2*1$");
        assert_eq!(
            encode(&Command::TieQuery {
                output: 4,
                plane: Plane::Video
            }),
            b"4%"
        );
        assert_eq!(encode(&Command::PresetRecall(3)), b"3.");
    }

    #[test]
    fn replies_and_errors_are_read() {
        let tie = Command::Tie {
            input: 2,
            output: 1,
            plane: Plane::All,
        };
        assert_eq!(
            decode(&tie, "Out1 In2 All\r\n"),
            Ok(Reply::Tied {
                input: 2,
                output: 1,
                plane: Plane::All
            })
        );
        assert_eq!(
            decode(
                &Command::TieQuery {
                    output: 4,
                    plane: Plane::Video
                },
                "7\r\n"
            ),
            Ok(Reply::Input(7))
        );
        assert_eq!(
            decode(&Command::PresetRecall(3), "Rpr03\r\n"),
            Ok(Reply::PresetRecalled(3))
        );
        assert_eq!(decode(&tie, "E01\r\n"), Err(ExtronError::InvalidInput));
        assert_eq!(decode(&tie, "E12\r\n"), Err(ExtronError::InvalidOutput));
        assert_eq!(decode(&tie, "E10\r\n"), Err(ExtronError::InvalidCommand));
        assert!(is_banner(
            "(c) Copyright 2019, Extron Electronics, DXP 88 HDMI, V1.04, 60-1303-01"
        ));
    }

    #[test]
    fn garbage_is_malformed_never_a_panic() {
        let tie = Command::Tie {
            input: 2,
            output: 1,
            plane: Plane::Video,
        };
        for line in [
            "",
            "Out1 In2 All",
            "Out In2 Vid",
            "OutX InY Vid",
            "Rpr",
            "\u{0}",
        ] {
            assert!(decode(&tie, line).is_err(), "{line:?}");
        }
        assert!(decode(&Command::PresetRecall(1), "Out1 In2 All").is_err());
    }
}
