//! The load client of `bench/video.sh`: rooms of str0m participants through the node's SFU on
//! loopback. Every participant sends `fps` frames a second (VP8-framed, `bytes` each, stamped
//! with the send time) and receives every other participant of its room.
//!   video_load --rooms 1 --participants 4 [--seconds 10 --fps 30 --bytes 1200]
//! Prints frames delivered of those expected and the delay through the server (p50/p99).
//! The participants run in this process on the same cores as the SFU, so the numbers are a
//! lower bound of what the SFU alone sustains.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use app::video::{Admission, ClientSignal, Joined, MediaPort, RoomRef, ServerSignal};
use clap::Parser;
use server::video::probe::Probe;
use server::video::{MediaConfig, MediaService};
use tokio::sync::Mutex;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 1)]
    rooms: usize,
    #[arg(long, default_value_t = 4)]
    participants: usize,
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    #[arg(long, default_value_t = 30)]
    fps: u64,
    #[arg(long, default_value_t = 1200)]
    bytes: usize,
}

type Error = Box<dyn std::error::Error + Send + Sync>;

async fn next(joined: &mut Joined) -> Result<ServerSignal, Error> {
    tokio::time::timeout(Duration::from_secs(10), joined.signals.recv())
        .await?
        .ok_or_else(|| "the room closed".into())
}

/// Waits for the first signal `pick` accepts, skipping the others (joins, states).
async fn wait_for<T>(
    joined: &mut Joined,
    mut pick: impl FnMut(ServerSignal) -> Option<T>,
) -> Result<T, Error> {
    loop {
        if let Some(found) = pick(next(joined).await?) {
            return Ok(found);
        }
    }
}

/// What the receivers measured while the clock ran.
#[derive(Default)]
struct Tally {
    delays: Vec<Duration>,
}

/// Keeps a probe's connection alive and, once `running`, sends or receives frames.
fn drive(
    mut probe: Probe,
    sending: Option<(u64, usize)>,
    base: Instant,
    running: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    tally: Arc<Mutex<Tally>>,
) -> tokio::task::JoinHandle<Result<(), Error>> {
    tokio::spawn(async move {
        let period = sending.map_or(Duration::from_millis(50), |(fps, _)| {
            Duration::from_micros(1_000_000 / fps)
        });
        let mut next_frame = Instant::now();
        let mut started = false;
        while !stop.load(Ordering::Relaxed) {
            let running_now = running.load(Ordering::Relaxed);
            if running_now && !started {
                // The clock starts now: no burst to catch up the time spent setting up.
                started = true;
                next_frame = Instant::now();
            }
            if let Some((_, bytes)) = sending
                && running_now
                && Instant::now() >= next_frame
            {
                let mut frame = vec![0u8; bytes.max(8)];
                let sent = base.elapsed().as_micros() as u64;
                frame[..8].copy_from_slice(&sent.to_be_bytes());
                probe.send_frame(&frame)?;
                next_frame += period;
            }
            let window = next_frame
                .saturating_duration_since(Instant::now())
                .clamp(Duration::from_millis(1), period);
            let frames = probe.run(window, |_| false).await?;
            if running.load(Ordering::Relaxed) && !frames.is_empty() {
                let mut tally = tally.lock().await;
                for (at, frame) in frames.iter().filter(|(_, f)| f.len() >= 8) {
                    let mut stamp = [0u8; 8];
                    stamp.copy_from_slice(&frame[..8]);
                    let sent = Duration::from_micros(u64::from_be_bytes(stamp));
                    tally
                        .delays
                        .push(at.duration_since(base).saturating_sub(sent));
                }
            }
        }
        Ok(())
    })
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args = Args::parse();
    let media = MediaService::start(MediaConfig {
        bind: "127.0.0.1:0".parse()?,
        announced: "127.0.0.1".parse()?,
    })?;
    let base = Instant::now();
    let running = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let mut tasks = Vec::new();
    let mut keep = Vec::new();
    let setup = Instant::now();
    for room in 0..args.rooms {
        let mut members = Vec::new();
        for n in 0..args.participants {
            let mut joined = media
                .join(Admission {
                    room: RoomRef::Adhoc {
                        name: format!("bench-{room}"),
                    },
                    title: format!("bench-{room}"),
                    name: format!("p{n}"),
                    unit: "bench".into(),
                })
                .map_err(|p| format!("{p:?}"))?;
            wait_for(&mut joined, |s| {
                matches!(s, ServerSignal::Joined { .. }).then_some(())
            })
            .await?;
            let mut probe = Probe::new().await?;
            let (offer, pending) = probe.offer_video().ok_or("no offer")?;
            media.signal(joined.id, ClientSignal::Publish { sdp: offer });
            let answer = wait_for(&mut joined, |s| match s {
                ServerSignal::Published { sdp } => Some(sdp),
                _ => None,
            })
            .await?;
            probe.accept_answer(pending, &answer)?;
            probe
                .run(Duration::from_secs(5), |e| {
                    matches!(e, str0m::Event::Connected)
                })
                .await?;
            if !probe.is_connected() {
                return Err("a participant did not connect".into());
            }
            let sending = Some((args.fps, args.bytes));
            tasks.push(drive(
                probe,
                sending,
                base,
                running.clone(),
                stop.clone(),
                tally.clone(),
            ));
            members.push(joined);
        }
        // Everyone receives everyone else.
        for v in 0..members.len() {
            for s in 0..members.len() {
                if v == s {
                    continue;
                }
                let source = members[s].id;
                media.signal(
                    members[v].id,
                    ClientSignal::Subscribe {
                        participant: source,
                    },
                );
                let (subscription, sdp) = wait_for(&mut members[v], |signal| match signal {
                    ServerSignal::Offer {
                        subscription, sdp, ..
                    } => Some((subscription, sdp)),
                    _ => None,
                })
                .await?;
                let mut probe = Probe::new().await?;
                let answer = probe.answer(&sdp)?;
                media.signal(
                    members[v].id,
                    ClientSignal::Answer {
                        subscription,
                        sdp: answer,
                    },
                );
                tasks.push(drive(
                    probe,
                    None,
                    base,
                    running.clone(),
                    stop.clone(),
                    tally.clone(),
                ));
            }
        }
        keep.extend(members);
    }
    // Let every connection finish its handshake before the clock starts.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let set_up = setup.elapsed();
    running.store(true, Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(args.seconds)).await;
    running.store(false, Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        task.await??;
    }
    let mut delays = std::mem::take(&mut tally.lock().await.delays);
    delays.sort_unstable();
    let streams = args.rooms * args.participants * (args.participants - 1);
    let expected = streams as u64 * args.fps * args.seconds;
    let at = |p: f64| {
        delays
            .get(((delays.len() as f64 - 1.0) * p).round() as usize)
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1e3)
    };
    println!(
        "{} room(s) × {} participants ({streams} forwarded streams, {} fps × {} B, set up in {:.1} s): \
         {} of {expected} frames delivered ({:.1} %), delay p50 {:.2} ms, p99 {:.2} ms",
        args.rooms,
        args.participants,
        args.fps,
        args.bytes,
        set_up.as_secs_f64(),
        delays.len(),
        100.0 * delays.len() as f64 / expected.max(1) as f64,
        at(0.5),
        at(0.99),
    );
    drop(keep);
    Ok(())
}
