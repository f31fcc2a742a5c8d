//! A WebRTC peer that is not a browser: a str0m client on its own loopback UDP socket, sending
//! and receiving VP8-framed payloads. The SFU's tests and the load bench use it as participants.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use str0m::change::{SdpAnswer, SdpOffer, SdpPendingOffer};
use str0m::format::Codec;
use str0m::media::{Direction, MediaKind, MediaTime, Mid};
use str0m::{Candidate, Event, Input, Output, Rtc, RtcError};
use tokio::net::UdpSocket;

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error(transparent)]
    Rtc(#[from] RtcError),
    #[error(transparent)]
    Sdp(#[from] str0m::error::SdpError),
    #[error("{0}")]
    NotReady(&'static str),
}

pub struct Probe {
    rtc: Rtc,
    socket: UdpSocket,
    local: SocketAddr,
    sending: Option<Mid>,
    frames: u64,
}

impl Probe {
    pub async fn new() -> std::io::Result<Probe> {
        let socket = UdpSocket::bind("127.0.0.1:0").await?;
        let local = socket.local_addr()?;
        let mut rtc = Rtc::new(Instant::now());
        let candidate = Candidate::host(local, "udp").map_err(std::io::Error::other)?;
        rtc.add_local_candidate(candidate);
        Ok(Probe {
            rtc,
            socket,
            local,
            sending: None,
            frames: 0,
        })
    }

    /// The offer of a connection that sends one video line.
    pub fn offer_video(&mut self) -> Option<(String, SdpPendingOffer)> {
        let mut change = self.rtc.sdp_api();
        let mid = change.add_media(MediaKind::Video, Direction::SendOnly, None, None, None);
        let (offer, pending) = change.apply()?;
        self.sending = Some(mid);
        Some((offer.to_sdp_string(), pending))
    }

    pub fn accept_answer(&mut self, pending: SdpPendingOffer, sdp: &str) -> Result<(), ProbeError> {
        let answer = SdpAnswer::from_sdp_string(sdp)?;
        Ok(self.rtc.sdp_api().accept_answer(pending, answer)?)
    }

    /// Answers a server's offer (a connection that receives).
    pub fn answer(&mut self, sdp: &str) -> Result<String, ProbeError> {
        let offer = SdpOffer::from_sdp_string(sdp)?;
        Ok(self.rtc.sdp_api().accept_offer(offer)?.to_sdp_string())
    }

    pub fn is_connected(&self) -> bool {
        self.rtc.is_connected()
    }

    /// Sends one frame on the video line as VP8 (its payload is opaque to the SFU).
    pub fn send_frame(&mut self, payload: &[u8]) -> Result<(), ProbeError> {
        let mid = self
            .sending
            .ok_or(ProbeError::NotReady("no sending line"))?;
        let writer = self
            .rtc
            .writer(mid)
            .ok_or(ProbeError::NotReady("line not negotiated"))?;
        let pt = writer
            .payload_params()
            .find(|p| p.spec().codec == Codec::Vp8)
            .map(|p| p.pt())
            .ok_or(ProbeError::NotReady("VP8 not negotiated"))?;
        self.frames += 1;
        let time = MediaTime::from_90khz(self.frames * 3000);
        Ok(writer.write(pt, Instant::now(), time, payload.to_vec())?)
    }

    /// Runs the peer for `within`, or until `done` returns true for an event; returns the
    /// frames received on the way, with when their last packet arrived.
    pub async fn run(
        &mut self,
        within: Duration,
        mut done: impl FnMut(&Event) -> bool,
    ) -> Result<Vec<(Instant, Vec<u8>)>, ProbeError> {
        let until = Instant::now() + within;
        let mut frames = Vec::new();
        let mut buf = vec![0u8; 2048];
        loop {
            let wake = loop {
                match self.rtc.poll_output()? {
                    Output::Transmit(t) => {
                        let _ = self.socket.send_to(&t.contents, t.destination).await;
                    }
                    Output::Timeout(at) => break at,
                    Output::Event(event) => {
                        let stop = done(&event);
                        if let Event::MediaData(data) = event {
                            frames.push((data.network_time, data.data.to_vec()));
                        }
                        if stop {
                            return Ok(frames);
                        }
                    }
                }
            };
            let now = Instant::now();
            if now >= until {
                return Ok(frames);
            }
            let wait = wake.min(until).saturating_duration_since(now);
            if let Ok(Ok((n, source))) =
                tokio::time::timeout(wait, self.socket.recv_from(&mut buf)).await
                && let Some(input) = super::datagram(&buf[..n], source, self.local)
            {
                self.rtc.handle_input(input)?;
            }
            self.rtc.handle_input(Input::Timeout(Instant::now()))?;
        }
    }
}
