//! An Extron matrix switcher speaking SIS: a banner on connect, ties on all planes, tie queries,
//! E01/E12 for ports it does not have. SIS commands end at their symbol, not at a line end.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::kramer::MatrixSim;
use super::{Fault, SimHandle, serve_tcp};

pub async fn start(inputs: u16, outputs: u16) -> std::io::Result<SimHandle<MatrixSim>> {
    serve_tcp(MatrixSim::new(inputs, outputs), serve).await
}

async fn serve(mut stream: TcpStream, sim: SimHandle<MatrixSim>) -> std::io::Result<()> {
    stream
        .write_all(b"(c) Copyright 2024, Extron Electronics, DXP 88 HDMI (simulated), V1.04\r\n")
        .await?;
    let mut pending = String::new();
    let mut buffer = [0u8; 256];
    loop {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Ok(());
        }
        for c in String::from_utf8_lossy(&buffer[..n]).chars() {
            if c.is_whitespace() {
                continue;
            }
            pending.push(c);
            if !matches!(c, '!' | '%' | '$' | '.') {
                continue;
            }
            let command = std::mem::take(&mut pending);
            let fault = sim.receive(command.clone());
            let answer = match fault {
                Fault::Silent => continue,
                Fault::Disconnect => return Ok(()),
                Fault::Garbage => "Out? In? Xyz".to_string(),
                Fault::Error => "E13".to_string(),
                Fault::None => answer(&command, &mut sim.lock().state),
            };
            stream.write_all(format!("{answer}\r\n").as_bytes()).await?;
        }
    }
}

fn answer(command: &str, m: &mut MatrixSim) -> String {
    let (body, symbol) = command.split_at(command.len() - 1);
    if symbol == "." {
        return match body.parse::<u16>() {
            Ok(n) if n > 0 => format!("Rpr{n:02}"),
            _ => "E11".into(),
        };
    }
    let plane = match symbol {
        "!" => "All",
        "%" => "Vid",
        "$" => "Aud",
        _ => return "E10".into(),
    };
    match body.split_once('*') {
        Some((input, output)) => match (input.parse::<u16>(), output.parse::<u16>()) {
            (Ok(input), Ok(_)) if input > m.inputs => "E01".into(),
            (Ok(input), Ok(output)) if m.tie(input, output) => {
                format!("Out{output} In{input} {plane}")
            }
            (Ok(_), Ok(_)) => "E12".into(),
            _ => "E10".into(),
        },
        None => match body.parse::<u16>().ok().and_then(|o| m.ties.get(&o)) {
            Some(input) => input.to_string(),
            None => "E12".into(),
        },
    }
}
