//! A TCP connection that speaks in lines ending in one delimiter byte (PJLink ends in CR, Kramer
//! and Extron in CR LF). A line is bounded: a device that sends without end is a protocol error,
//! not a growing buffer.

use std::net::SocketAddr;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

use super::DeviceError;

/// Longest line read before giving up on the device.
const MAX_LINE: u64 = 4096;

pub struct LineConn {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
    delimiter: u8,
}

impl LineConn {
    pub async fn open(address: SocketAddr, delimiter: u8) -> Result<LineConn, DeviceError> {
        let stream = TcpStream::connect(address)
            .await
            .map_err(DeviceError::unreachable)?;
        // Commands are tiny and answered one at a time: do not wait to coalesce them.
        stream.set_nodelay(true).map_err(DeviceError::unreachable)?;
        let (read, write) = stream.into_split();
        Ok(LineConn {
            reader: BufReader::new(read),
            writer: write,
            delimiter,
        })
    }

    pub async fn send(&mut self, bytes: &[u8]) -> Result<(), DeviceError> {
        self.writer
            .write_all(bytes)
            .await
            .map_err(DeviceError::unreachable)
    }

    /// The next non-empty line, without its line endings.
    pub async fn line(&mut self) -> Result<String, DeviceError> {
        loop {
            let mut buffer = Vec::new();
            let read = (&mut self.reader)
                .take(MAX_LINE)
                .read_until(self.delimiter, &mut buffer)
                .await
                .map_err(DeviceError::unreachable)?;
            if read == 0 {
                return Err(DeviceError::Closed);
            }
            if buffer.last() != Some(&self.delimiter) {
                return Err(DeviceError::Protocol(format!(
                    "no line end within {MAX_LINE} bytes"
                )));
            }
            let text = String::from_utf8_lossy(&buffer);
            let text = text.trim_matches(['\r', '\n']);
            if !text.is_empty() {
                return Ok(text.to_string());
            }
        }
    }
}
