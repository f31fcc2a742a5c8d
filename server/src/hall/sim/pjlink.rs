//! A PJLink projector: power, inputs, A/V mute, error status; class 1 or 2; optional password.

use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::{Fault, SimHandle, serve_tcp};
use crate::hall::codec::pjlink;

#[derive(Clone, Debug)]
pub struct PjlinkSim {
    pub class: u8,
    pub password: Option<String>,
    pub name: String,
    pub power_on: bool,
    pub input: String,
    pub muted: bool,
}

impl Default for PjlinkSim {
    fn default() -> PjlinkSim {
        PjlinkSim {
            class: 1,
            password: None,
            name: "Hall projector".into(),
            power_on: false,
            input: "31".into(),
            muted: false,
        }
    }
}

pub async fn start(sim: PjlinkSim) -> std::io::Result<SimHandle<PjlinkSim>> {
    serve_tcp(sim, serve).await
}

async fn serve(stream: TcpStream, sim: SimHandle<PjlinkSim>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let password = sim.lock().state.password.clone();
    let random = format!("{:08x}", uuid::Uuid::now_v7().as_u128() as u32);
    let mut owed = match &password {
        Some(p) => {
            write
                .write_all(format!("PJLINK 1 {random}\r").as_bytes())
                .await?;
            Some(pjlink::digest(&random, p))
        }
        None => {
            write.write_all(b"PJLINK 0\r").await?;
            None
        }
    };
    loop {
        let Some(text) = super::read_command(&mut reader).await? else {
            return Ok(());
        };
        let command = match owed.take() {
            Some(digest) => match text.strip_prefix(digest.as_str()) {
                Some(rest) => rest.to_string(),
                None => {
                    write.write_all(b"PJLINK ERRA\r").await?;
                    return Ok(());
                }
            },
            None => text,
        };
        let fault = sim.receive(command.clone());
        let answer = match fault {
            Fault::Silent => continue,
            Fault::Disconnect => return Ok(()),
            Fault::Garbage => "\u{1}%9XXXX=\u{7f}".to_string(),
            Fault::Error => reply_header(&command).map_or("ERR".into(), |h| format!("{h}=ERR4")),
            Fault::None => answer(&command, &mut sim.lock().state),
        };
        write.write_all(format!("{answer}\r").as_bytes()).await?;
    }
}

/// `%1POWR` of `%1POWR 1`.
fn reply_header(command: &str) -> Option<&str> {
    (command.len() >= 6 && command.starts_with('%') && command.is_char_boundary(6))
        .then(|| &command[..6])
}

fn answer(command: &str, s: &mut PjlinkSim) -> String {
    let Some(header) = reply_header(command) else {
        return "%1ERR1".into();
    };
    let class: u8 = header[1..2].parse().unwrap_or(9);
    let parameter = command.get(7..).unwrap_or("");
    let value = if class > s.class || command.as_bytes().get(6) != Some(&b' ') {
        "ERR1".to_string()
    } else {
        match (&header[2..], parameter) {
            ("POWR", "?") => if s.power_on { "1" } else { "0" }.into(),
            ("POWR", "1" | "0") => {
                s.power_on = parameter == "1";
                "OK".into()
            }
            ("INPT", _) | ("AVMT", _) if !s.power_on => "ERR3".into(),
            ("INPT", "?") => s.input.clone(),
            ("INPT", code) if valid_input(code, s.class) => {
                s.input = code.into();
                "OK".into()
            }
            ("AVMT", "?") => if s.muted { "31" } else { "30" }.into(),
            ("AVMT", "31" | "30") => {
                s.muted = parameter == "31";
                "OK".into()
            }
            ("ERST", "?") => "000000".into(),
            ("CLSS", "?") => s.class.to_string(),
            ("NAME", "?") => s.name.clone(),
            ("LAMP", "?") => "1200 1".into(),
            ("INST", "?") => "11 31 32".into(),
            ("FREZ", "1" | "0") => "OK".into(),
            ("POWR" | "INPT" | "AVMT" | "FREZ", _) => "ERR2".into(),
            _ => "ERR1".into(),
        }
    };
    format!("{header}={value}")
}

fn valid_input(code: &str, class: u8) -> bool {
    let mut chars = code.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('1'..='5'), Some(n), None) if n.is_ascii_digit() && n != '0' || (class >= 2 && n.is_ascii_uppercase())
    )
}
