//! A Kramer matrix switcher speaking Protocol 3000: handshake, `ROUTE` and `ROUTE?` on the
//! video layer, ERR003 for a port it does not have.

use std::collections::BTreeMap;

use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::{Fault, SimHandle, serve_tcp};

#[derive(Clone, Debug, Default)]
pub struct MatrixSim {
    pub inputs: u16,
    pub outputs: u16,
    /// output → input
    pub ties: BTreeMap<u16, u16>,
}

impl MatrixSim {
    pub fn new(inputs: u16, outputs: u16) -> MatrixSim {
        MatrixSim {
            inputs,
            outputs,
            ties: (1..=outputs).map(|o| (o, 1)).collect(),
        }
    }

    /// Ties `input` to `output` if both exist (input 0 clears).
    pub fn tie(&mut self, input: u16, output: u16) -> bool {
        let ok = input <= self.inputs && (1..=self.outputs).contains(&output);
        if ok {
            self.ties.insert(output, input);
        }
        ok
    }
}

pub async fn start(inputs: u16, outputs: u16) -> std::io::Result<SimHandle<MatrixSim>> {
    serve_tcp(MatrixSim::new(inputs, outputs), serve).await
}

async fn serve(stream: TcpStream, sim: SimHandle<MatrixSim>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    loop {
        let Some(text) = super::read_command(&mut reader).await? else {
            return Ok(());
        };
        let fault = sim.receive(text.clone());
        let answer = match fault {
            Fault::Silent => continue,
            Fault::Disconnect => return Ok(()),
            Fault::Garbage => "~01@ROUTE ?,?,?".to_string(),
            Fault::Error => "~01@ERR 005".to_string(),
            Fault::None => answer(&text, &mut sim.lock().state),
        };
        write.write_all(format!("{answer}\r\n").as_bytes()).await?;
    }
}

fn answer(text: &str, m: &mut MatrixSim) -> String {
    let Some(body) = text.strip_prefix('#') else {
        return "~01@ERR001".into();
    };
    if body.is_empty() {
        return "~01@ OK".into();
    }
    let (command, params) = body.split_once(' ').unwrap_or((body, ""));
    let numbers: Vec<Option<u16>> = params.split(',').map(|n| n.trim().parse().ok()).collect();
    match (command, numbers.as_slice()) {
        ("ROUTE", [Some(1), Some(output), Some(input)]) => {
            if m.tie(*input, *output) {
                format!("~01@ROUTE 1,{output},{input} OK")
            } else {
                "~01@ROUTE ERR003".into()
            }
        }
        ("ROUTE?", [Some(1), Some(output)]) => match m.ties.get(output) {
            Some(input) => format!("~01@ROUTE 1,{output},{input}"),
            None => "~01@ROUTE? ERR003".into(),
        },
        ("ROUTE" | "ROUTE?", _) => format!("~01@{command} ERR003"),
        _ => format!("~01@{command} ERR002"),
    }
}
