//! Kramer Protocol 3000 over TCP (port 5000): `#COMMAND params CR` from the host; the device
//! answers `~nn@COMMAND params result CR LF` (`nn` its machine number), and reports switching
//! done on its front panel the same way. Matrix ties here use `ROUTE layer,output,input`.

pub const PORT: u16 = 5000;

/// Signal layers of `ROUTE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Video,
    Audio,
}

impl Layer {
    fn code(self) -> u8 {
        match self {
            Layer::Video => 1,
            Layer::Audio => 2,
        }
    }

    fn parse(code: &str) -> Option<Layer> {
        match code {
            "1" => Some(Layer::Video),
            "2" => Some(Layer::Audio),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// `#` alone: is the device there?
    Handshake,
    Route {
        layer: Layer,
        output: u16,
        input: u16,
    },
    RouteQuery {
        layer: Layer,
        output: u16,
    },
}

pub fn encode(command: &Command) -> Vec<u8> {
    match command {
        Command::Handshake => b"#\r".to_vec(),
        Command::Route {
            layer,
            output,
            input,
        } => format!("#ROUTE {},{output},{input}\r", layer.code()).into_bytes(),
        Command::RouteQuery { layer, output } => {
            format!("#ROUTE? {},{output}\r", layer.code()).into_bytes()
        }
    }
}

/// A line from the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Ok,
    /// A tie as the device reports it: the answer to a query, or a change made elsewhere.
    Route {
        layer: Layer,
        output: u16,
        input: u16,
    },
    /// The greeting or anything else the device says unasked.
    Other(String),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KramerError {
    #[error("ERR001: syntax error")]
    Syntax,
    #[error("ERR002: command not available on this device")]
    NotAvailable,
    #[error("ERR003: parameter out of range")]
    OutOfRange,
    #[error("ERR004: unauthorized (log in first)")]
    Unauthorized,
    #[error("device error {0}")]
    Other(u16),
    #[error("unreadable reply: {0:?}")]
    Malformed(String),
}

/// Reads one line (`~` … with or without its CR LF).
pub fn decode(line: &str) -> Result<Message, KramerError> {
    let line = line.trim_end_matches(['\r', '\n']);
    let malformed = || KramerError::Malformed(line.into());
    let Some(body) = line.strip_prefix('~') else {
        return Ok(Message::Other(line.to_string()));
    };
    // The machine number is optional: `~01@ROUTE …` or `~ROUTE …`.
    let body = body.split_once('@').map_or(body, |(_, rest)| rest).trim();
    if body == "OK" {
        return Ok(Message::Ok);
    }
    let words: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
    if let Some(code) = error_code(&words) {
        return Err(match code {
            1 => KramerError::Syntax,
            2 => KramerError::NotAvailable,
            3 => KramerError::OutOfRange,
            4 => KramerError::Unauthorized,
            other => KramerError::Other(other),
        });
    }
    match words.as_slice() {
        ["ROUTE", params, "OK"] | ["ROUTE", params] => {
            let numbers: Vec<&str> = params.split(',').collect();
            let [layer, output, input] = numbers.as_slice() else {
                return Err(malformed());
            };
            let route = Message::Route {
                layer: Layer::parse(layer).ok_or_else(malformed)?,
                output: output.parse().map_err(|_| malformed())?,
                input: input.parse().map_err(|_| malformed())?,
            };
            Ok(if words.len() == 3 { Message::Ok } else { route })
        }
        _ => Ok(Message::Other(body.to_string())),
    }
}

/// `ERR003`, `ERR 003`, `ROUTE ERR003` or `ROUTE 1,2,3 ERR 003`.
fn error_code(words: &[&str]) -> Option<u16> {
    let at = words.iter().position(|w| w.starts_with("ERR"))?;
    let code = words[at].strip_prefix("ERR")?;
    let code = if code.is_empty() {
        words.get(at + 1)?
    } else {
        code
    };
    code.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_match_the_manual() {
        assert_eq!(encode(&Command::Handshake), b"#\r");
        let route = Command::Route {
            layer: Layer::Video,
            output: 2,
            input: 5,
        };
        assert_eq!(encode(&route), b"#ROUTE 1,2,5\r");
        let query = Command::RouteQuery {
            layer: Layer::Audio,
            output: 12,
        };
        assert_eq!(encode(&query), b"#ROUTE? 2,12\r");
    }

    #[test]
    fn replies_notifications_and_errors_are_read() {
        assert_eq!(decode("~01@ OK\r\n"), Ok(Message::Ok));
        assert_eq!(decode("~OK\r\n"), Ok(Message::Ok));
        assert_eq!(decode("~01@ROUTE 1,2,5 OK\r\n"), Ok(Message::Ok));
        assert_eq!(
            decode("~01@ROUTE 1,2,5\r\n"),
            Ok(Message::Route {
                layer: Layer::Video,
                output: 2,
                input: 5
            })
        );
        assert_eq!(decode("~01@ROUTE ERR003\r\n"), Err(KramerError::OutOfRange));
        assert_eq!(
            decode("~01@ROUTE 1,99,5 ERR 003\r\n"),
            Err(KramerError::OutOfRange)
        );
        assert_eq!(decode("~01@ERR001\r\n"), Err(KramerError::Syntax));
        assert_eq!(
            decode("~01@ROUTE ERR004\r\n"),
            Err(KramerError::Unauthorized)
        );
        assert_eq!(
            decode("~01@ROUTE ERR 002\r\n"),
            Err(KramerError::NotAvailable)
        );
        assert!(matches!(
            decode("Kramer Electronics LTD. , VS-88HN"),
            Ok(Message::Other(_))
        ));
    }

    #[test]
    fn garbage_is_malformed_never_a_panic() {
        for line in [
            "~01@ROUTE 1,2\r\n",
            "~01@ROUTE 9,1,1\r\n",
            "~01@ROUTE 1,x,1\r\n",
            "~01@ROUTE ,,,\r\n",
        ] {
            assert!(decode(line).is_err(), "{line:?}");
        }
        for line in ["", "~", "~@", "~01@ERR", "\u{0}"] {
            let _ = decode(line);
        }
    }
}
