//! Change-to-browser latency of the live stream under many tabs. Opens `--clients` event
//! streams as a signed-in user, then makes `--changes` changes (a note on one incident each,
//! through the same server function a browser calls) and times, for every stream, the arrival
//! of each change's event from the moment its request was sent.
//!   live_load --url http://127.0.0.1:3199 --clients 1000 --changes 20

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, mpsc};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:3199")]
    url: String,
    #[arg(long, default_value_t = 1000)]
    clients: usize,
    #[arg(long, default_value_t = 20)]
    changes: u32,
    #[arg(long, default_value = "nat.duty")]
    user: String,
    #[arg(long, default_value = "Demo#Duty-2026")]
    password: String,
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// One HTTP/1.1 request on its own connection; the status, headers and body.
async fn request(
    host: &str,
    method: &str,
    path: &str,
    headers: &str,
    body: &str,
) -> Result<(u16, String, String), Error> {
    let mut stream = TcpStream::connect(host).await?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n{headers}\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, head.to_string(), body.to_string()))
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Follows one event stream, reporting (revision, arrival) of every incident event.
async fn follow(
    host: String,
    cookie: String,
    seen: mpsc::UnboundedSender<(u32, Instant)>,
    ready: mpsc::UnboundedSender<()>,
) -> Result<(), Error> {
    let mut stream = TcpStream::connect(&host).await?;
    let head = format!(
        "GET /events HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nAccept: text/event-stream\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await?;
    let mut lines = BufReader::new(stream).lines();
    while let Some(line) = lines.next_line().await? {
        if line.is_empty() {
            break; // end of the response head
        }
    }
    let _ = ready.send(());
    while let Some(line) = lines.next_line().await? {
        let Some(data) = line
            .strip_prefix("data: ")
            .or_else(|| line.strip_prefix("data:"))
        else {
            continue;
        };
        if let Some(revision) = data
            .split("\"revision\":")
            .nth(1)
            .and_then(|rest| rest.split([',', '}']).next())
            .and_then(|n| n.parse().ok())
        {
            let _ = seen.send((revision, Instant::now()));
        }
    }
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args = Args::parse();
    let host = args
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();

    let form = format!(
        "username={}&password={}",
        encode(&args.user),
        encode(&args.password)
    );
    let (status, head, _) = request(&host, "POST", "/api/identity/login", "", &form).await?;
    let cookie = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .and_then(|c| c.split(';').next())
        .ok_or(format!("login failed ({status})"))?
        .to_string();
    let headers = format!("Cookie: {cookie}\r\n");

    // An incident to change: the first on the board.
    let (_, _, board) = request(&host, "POST", "/api/incidents/map", &headers, "").await?;
    let list: serde_json::Value = serde_json::from_str(&board)?;
    let incident = list[0]["id"]
        .as_str()
        .ok_or("no active incident to change")?
        .to_string();
    let first_revision = list[0]["revision"].as_u64().unwrap_or(0) as u32;

    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel();
    let (ready_tx, mut ready_rx) = mpsc::unbounded_channel();
    let opened = Instant::now();
    for _ in 0..args.clients {
        let (host, cookie, seen, ready) = (
            host.clone(),
            cookie.clone(),
            seen_tx.clone(),
            ready_tx.clone(),
        );
        tokio::spawn(async move {
            if let Err(err) = follow(host, cookie, seen, ready).await {
                eprintln!("stream: {err}");
            }
        });
    }
    drop(ready_tx);
    let mut ready = 0;
    while ready < args.clients {
        match tokio::time::timeout(Duration::from_secs(60), ready_rx.recv()).await {
            Ok(Some(())) => ready += 1,
            _ => break,
        }
    }
    println!(
        "{ready}/{} streams open in {:?}",
        args.clients,
        opened.elapsed()
    );

    let sent: Arc<Mutex<HashMap<u32, Instant>>> = Arc::default();
    for n in 1..=args.changes {
        let body = format!("id={incident}&text={}", encode(&format!("负载测试 {n}")));
        sent.lock().await.insert(first_revision + n, Instant::now());
        let (status, _, text) =
            request(&host, "POST", "/api/incidents/note", &headers, &body).await?;
        if status != 200 {
            return Err(format!("note refused ({status}): {text}").into());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;

    let sent = sent.lock().await;
    let mut latencies = Vec::new();
    while let Ok((revision, at)) = seen_rx.try_recv() {
        if let Some(start) = sent.get(&revision) {
            latencies.push(at.duration_since(*start));
        }
    }
    latencies.sort();
    let expected = ready * args.changes as usize;
    println!(
        "{} of {expected} events delivered; change-to-stream latency p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default()
    );
    Ok(())
}
