//! Simulated hall devices on 127.0.0.1 ephemeral ports, one per protocol, each keeping the
//! state a real one would, a journal of every command it received, and an injectable fault —
//! for tests, benchmarks and a hall demonstrated without hardware.

mod extron;
mod kramer;
mod pjlink;
mod visca;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

pub use extron::start as start_extron;
pub use kramer::{MatrixSim, start as start_kramer};
pub use pjlink::{PjlinkSim, start as start_pjlink};
pub use visca::{ViscaSim, start as start_visca};

/// What a simulated device does wrong, until told otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fault {
    #[default]
    None,
    /// Reads commands and never answers.
    Silent,
    /// Answers with bytes no protocol allows.
    Garbage,
    /// Answers every command with the protocol's error code.
    Error,
    /// Drops the connection when a command arrives (mid-command for the controller).
    Disconnect,
}

/// State a simulator shares with whoever started it.
#[derive(Debug, Default)]
pub struct Shared<S> {
    pub state: S,
    pub fault: Fault,
    /// Every command received, as the protocol writes it (binary ones in hex).
    pub journal: Vec<String>,
}

/// A running simulator: where it listens and its shared state.
#[derive(Clone, Debug)]
pub struct SimHandle<S> {
    pub address: SocketAddr,
    shared: Arc<Mutex<Shared<S>>>,
}

impl<S> SimHandle<S> {
    fn new(address: SocketAddr, state: S) -> SimHandle<S> {
        SimHandle {
            address,
            shared: Arc::new(Mutex::new(Shared {
                state,
                fault: Fault::None,
                journal: Vec::new(),
            })),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, Shared<S>> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_fault(&self, fault: Fault) {
        self.lock().fault = fault;
    }

    /// Notes a received command; the fault to play in answer.
    fn receive(&self, command: String) -> Fault {
        let mut shared = self.lock();
        shared.journal.push(command);
        shared.fault
    }

    /// Takes the journal (what arrived since the last call).
    pub fn take_journal(&self) -> Vec<String> {
        std::mem::take(&mut self.lock().journal)
    }
}

/// Listens on an ephemeral loopback port and serves each connection with `serve`.
async fn serve_tcp<S, F, Fut>(state: S, serve: F) -> std::io::Result<SimHandle<S>>
where
    S: Clone + Send + 'static,
    F: Fn(tokio::net::TcpStream, SimHandle<S>) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = std::io::Result<()>> + Send + 'static,
{
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let handle = SimHandle::new(listener.local_addr()?, state);
    let shared = handle.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(stream, shared.clone()));
        }
    });
    Ok(handle)
}

/// The next command of a CR-terminated protocol, without its line ends; `None` once the peer has
/// closed the connection.
async fn read_command<R>(reader: &mut R) -> std::io::Result<Option<String>>
where
    R: tokio::io::AsyncBufRead + Unpin,
{
    use tokio::io::AsyncBufReadExt;
    let mut line = Vec::new();
    if reader.read_until(b'\r', &mut line).await? == 0 {
        return Ok(None);
    }
    Ok(Some(
        String::from_utf8_lossy(&line)
            .trim_matches(['\r', '\n'])
            .to_string(),
    ))
}
