//! PJLink (JBMIA), class 1 and class 2, over TCP 4352: ASCII lines ending in CR. A command is
//! `%` + class + four letters + space + parameter; the reply repeats the header with `=`.
//! Authentication: the device greets with `PJLINK 1 <random>` and the first command is prefixed
//! with MD5(random + password) in lowercase hex.

use md5::{Digest, Md5};

pub const PORT: u16 = 4352;
pub const TERMINATOR: u8 = b'\r';

/// What a projector or display is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Power {
    Standby,
    On,
    Cooling,
    WarmingUp,
}

/// An input: type (1 RGB, 2 video, 3 digital, 4 storage, 5 network, 6 internal — class 2) and
/// number (1–9; class 2 also A–Z).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Input {
    pub kind: u8,
    pub number: char,
}

impl Input {
    /// The two characters PJLink writes, if the input is valid for `class`.
    fn code(self, class: u8) -> Option<String> {
        let kind_ok = (1..=if class >= 2 { 6 } else { 5 }).contains(&self.kind);
        let number_ok = match self.number {
            '1'..='9' => true,
            'A'..='Z' => class >= 2,
            _ => false,
        };
        (kind_ok && number_ok).then(|| format!("{}{}", self.kind, self.number))
    }

    fn parse(text: &str) -> Option<Input> {
        let mut chars = text.chars();
        let kind = chars.next()?.to_digit(10)?;
        let number = chars.next()?;
        (chars.next().is_none() && (1..=6).contains(&kind) && number.is_ascii_alphanumeric())
            .then_some(Input {
                kind: kind as u8,
                number,
            })
    }
}

/// What a mute applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MuteTarget {
    Video,
    Audio,
    Both,
}

/// A request to the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Power(bool),
    PowerQuery,
    Input(Input),
    InputQuery,
    Mute(MuteTarget, bool),
    MuteQuery,
    ErrorQuery,
    LampQuery,
    InputListQuery,
    NameQuery,
    ClassQuery,
    /// Class 2: freeze the picture.
    Freeze(bool),
}

impl Command {
    fn body(&self) -> &'static str {
        match self {
            Command::Power(_) | Command::PowerQuery => "POWR",
            Command::Input(_) | Command::InputQuery => "INPT",
            Command::Mute(..) | Command::MuteQuery => "AVMT",
            Command::ErrorQuery => "ERST",
            Command::LampQuery => "LAMP",
            Command::InputListQuery => "INST",
            Command::NameQuery => "NAME",
            Command::ClassQuery => "CLSS",
            Command::Freeze(_) => "FREZ",
        }
    }

    /// The class the command is sent in: class 2 only where class 1 lacks it (or for class 2
    /// inputs), so a class 1 device understands everything it can.
    fn class(&self, device_class: u8) -> u8 {
        match self {
            Command::Freeze(_) => 2,
            Command::Input(i) if device_class >= 2 && !i.number.is_ascii_digit() => 2,
            Command::Input(i) if i.kind == 6 => 2,
            _ => 1,
        }
    }
}

/// A reply, read against the command it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Ok,
    Power(Power),
    Input(Input),
    Mute {
        video: bool,
        audio: bool,
    },
    /// Fan, lamp, temperature, cover, filter, other: 0 fine, 1 warning, 2 error.
    Errors([u8; 6]),
    /// Lamp hours and whether each lamp is lit.
    Lamps(Vec<(u32, bool)>),
    Inputs(Vec<Input>),
    Text(String),
    Class(u8),
}

/// What can go wrong, as PJLink names it or as we find it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PjlinkError {
    #[error("ERR1: undefined command")]
    Undefined,
    #[error("ERR2: parameter out of range")]
    OutOfParameter,
    #[error("ERR3: unavailable now (e.g. in standby)")]
    Unavailable,
    #[error("ERR4: projector or display failure")]
    DeviceFailure,
    #[error("ERRA: authentication failed")]
    Authentication,
    #[error("the device needs a password")]
    PasswordRequired,
    #[error("not valid for this device: {0}")]
    Invalid(String),
    #[error("unreadable reply: {0:?}")]
    Malformed(String),
}

/// The greeting a device sends on connect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Greeting {
    Open,
    Challenge(String),
}

pub fn parse_greeting(line: &str) -> Result<Greeting, PjlinkError> {
    let line = line.trim_end_matches(['\r', '\n']);
    match line.split(' ').collect::<Vec<_>>().as_slice() {
        ["PJLINK", "0"] => Ok(Greeting::Open),
        ["PJLINK", "1", random] if random.len() == 8 => Ok(Greeting::Challenge(random.to_string())),
        ["PJLINK", "ERRA"] => Err(PjlinkError::Authentication),
        _ => Err(PjlinkError::Malformed(line.into())),
    }
}

/// The 32 lowercase hex digits that prefix the first command on an authenticated connection.
pub fn digest(random: &str, password: &str) -> String {
    let hash = Md5::digest(format!("{random}{password}").as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of a command for a device of `device_class`.
pub fn encode(command: &Command, device_class: u8) -> Result<Vec<u8>, PjlinkError> {
    let parameter = match command {
        Command::Power(on) | Command::Freeze(on) => if *on { "1" } else { "0" }.to_string(),
        Command::Input(input) => input
            .code(device_class)
            .ok_or_else(|| PjlinkError::Invalid(format!("input {input:?}")))?,
        Command::Mute(target, on) => {
            let t = match target {
                MuteTarget::Video => '1',
                MuteTarget::Audio => '2',
                MuteTarget::Both => '3',
            };
            format!("{t}{}", u8::from(*on))
        }
        _ => "?".to_string(),
    };
    let class = command.class(device_class);
    if class > device_class {
        return Err(PjlinkError::Invalid(format!(
            "{} needs class 2",
            command.body()
        )));
    }
    Ok(format!("%{class}{} {parameter}\r", command.body()).into_bytes())
}

/// Reads the reply to `command` (one line, with or without its CR).
pub fn decode(command: &Command, line: &str, device_class: u8) -> Result<Reply, PjlinkError> {
    let line = line.trim_end_matches(['\r', '\n']);
    let malformed = || PjlinkError::Malformed(line.into());
    if line == "PJLINK ERRA" {
        return Err(PjlinkError::Authentication);
    }
    let class = command.class(device_class);
    let header = format!("%{class}{}=", command.body());
    let value = line.strip_prefix(&header).ok_or_else(malformed)?;
    match value {
        "ERR1" => return Err(PjlinkError::Undefined),
        "ERR2" => return Err(PjlinkError::OutOfParameter),
        "ERR3" => return Err(PjlinkError::Unavailable),
        "ERR4" => return Err(PjlinkError::DeviceFailure),
        _ => {}
    }
    let reply = match command {
        Command::Power(_) | Command::Input(_) | Command::Mute(..) | Command::Freeze(_) => {
            (value == "OK").then_some(Reply::Ok)
        }
        Command::PowerQuery => match value {
            "0" => Some(Reply::Power(Power::Standby)),
            "1" => Some(Reply::Power(Power::On)),
            "2" => Some(Reply::Power(Power::Cooling)),
            "3" => Some(Reply::Power(Power::WarmingUp)),
            _ => None,
        },
        Command::InputQuery => Input::parse(value).map(Reply::Input),
        Command::MuteQuery => match value {
            "11" => Some((true, false)),
            "21" => Some((false, true)),
            "31" => Some((true, true)),
            "30" | "10" | "20" => Some((false, false)),
            _ => None,
        }
        .map(|(video, audio)| Reply::Mute { video, audio }),
        Command::ErrorQuery => {
            let digits: Vec<u8> = value.bytes().map(|b| b.wrapping_sub(b'0')).collect();
            <[u8; 6]>::try_from(digits)
                .ok()
                .filter(|d| d.iter().all(|v| *v <= 2))
                .map(Reply::Errors)
        }
        Command::LampQuery => lamps(value).map(Reply::Lamps),
        Command::InputListQuery => value
            .split(' ')
            .map(Input::parse)
            .collect::<Option<Vec<_>>>()
            .map(Reply::Inputs),
        Command::NameQuery => Some(Reply::Text(value.to_string())),
        Command::ClassQuery => match value {
            "1" => Some(Reply::Class(1)),
            "2" => Some(Reply::Class(2)),
            _ => None,
        },
    };
    reply.ok_or_else(malformed)
}

fn lamps(value: &str) -> Option<Vec<(u32, bool)>> {
    let parts: Vec<&str> = value.split(' ').collect();
    if parts.is_empty() || !parts.len().is_multiple_of(2) {
        return None;
    }
    parts
        .chunks(2)
        .map(|pair| {
            let hours = pair[0].parse().ok()?;
            let lit = match pair[1] {
                "1" => true,
                "0" => false,
                _ => return None,
            };
            Some((hours, lit))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGITAL_1: Input = Input {
        kind: 3,
        number: '1',
    };

    #[test]
    fn the_specification_digest_example() {
        // PJLink specification: random "498e4a67", password "JBMIAProjectorLink".
        assert_eq!(
            digest("498e4a67", "JBMIAProjectorLink"),
            "5d8409bc1c3fa39749434aa3a5c38682"
        );
        assert_eq!(
            parse_greeting("PJLINK 1 498e4a67\r"),
            Ok(Greeting::Challenge("498e4a67".into()))
        );
        assert_eq!(parse_greeting("PJLINK 0\r"), Ok(Greeting::Open));
        assert_eq!(
            parse_greeting("PJLINK ERRA\r"),
            Err(PjlinkError::Authentication)
        );
        assert!(parse_greeting("HELLO\r").is_err());
    }

    #[test]
    fn commands_are_written_as_the_specification_shows() {
        let cases: [(Command, &[u8]); 7] = [
            (Command::Power(true), b"%1POWR 1\r"),
            (Command::PowerQuery, b"%1POWR ?\r"),
            (Command::Input(DIGITAL_1), b"%1INPT 31\r"),
            (Command::Mute(MuteTarget::Both, true), b"%1AVMT 31\r"),
            (Command::Mute(MuteTarget::Video, false), b"%1AVMT 10\r"),
            (Command::ErrorQuery, b"%1ERST ?\r"),
            (Command::ClassQuery, b"%1CLSS ?\r"),
        ];
        for (command, bytes) in cases {
            assert_eq!(encode(&command, 1).unwrap(), bytes, "{command:?}");
        }
        assert_eq!(encode(&Command::Freeze(true), 2).unwrap(), b"%2FREZ 1\r");
        let class2_input = Input {
            kind: 3,
            number: 'A',
        };
        assert_eq!(
            encode(&Command::Input(class2_input), 2).unwrap(),
            b"%2INPT 3A\r"
        );
        assert!(encode(&Command::Input(class2_input), 1).is_err());
        assert!(encode(&Command::Freeze(true), 1).is_err());
    }

    #[test]
    fn replies_and_error_codes_are_read() {
        let read = |c: &Command, l: &str| decode(c, l, 1);
        assert_eq!(read(&Command::Power(true), "%1POWR=OK\r"), Ok(Reply::Ok));
        assert_eq!(
            read(&Command::PowerQuery, "%1POWR=3"),
            Ok(Reply::Power(Power::WarmingUp))
        );
        assert_eq!(
            read(&Command::InputQuery, "%1INPT=31\r"),
            Ok(Reply::Input(DIGITAL_1))
        );
        assert_eq!(
            read(&Command::MuteQuery, "%1AVMT=21\r"),
            Ok(Reply::Mute {
                video: false,
                audio: true
            })
        );
        assert_eq!(
            read(&Command::ErrorQuery, "%1ERST=000200\r"),
            Ok(Reply::Errors([0, 0, 0, 2, 0, 0]))
        );
        assert_eq!(
            read(&Command::LampQuery, "%1LAMP=12345 1 200 0\r"),
            Ok(Reply::Lamps(vec![(12345, true), (200, false)]))
        );
        assert_eq!(
            read(&Command::InputListQuery, "%1INST=11 31 32\r")
                .map(|r| matches!(r, Reply::Inputs(v) if v.len() == 3)),
            Ok(true)
        );
        assert_eq!(
            read(&Command::Power(true), "%1POWR=ERR1\r"),
            Err(PjlinkError::Undefined)
        );
        assert_eq!(
            read(&Command::Power(true), "%1POWR=ERR2\r"),
            Err(PjlinkError::OutOfParameter)
        );
        assert_eq!(
            read(&Command::InputQuery, "%1INPT=ERR3\r"),
            Err(PjlinkError::Unavailable)
        );
        assert_eq!(
            read(&Command::PowerQuery, "%1POWR=ERR4\r"),
            Err(PjlinkError::DeviceFailure)
        );
        assert_eq!(
            read(&Command::PowerQuery, "PJLINK ERRA\r"),
            Err(PjlinkError::Authentication)
        );
    }

    #[test]
    fn garbage_is_malformed_never_a_panic() {
        for line in [
            "",
            "%",
            "%1POWR",
            "%1INPT=OK",
            "%1POWR=7",
            "%2POWR=1",
            "%1ERST=0009",
            "\u{0}\u{ff}",
            "%1LAMP=12 x",
        ] {
            let command = if line.contains("INPT") {
                Command::InputQuery
            } else {
                Command::PowerQuery
            };
            assert!(decode(&command, line, 1).is_err(), "{line:?}");
            assert!(decode(&Command::LampQuery, line, 1).is_err(), "{line:?}");
        }
    }
}
