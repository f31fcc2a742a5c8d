//! One WebRTC connection of the SFU: a participant's sending connection, or one that carries
//! another participant's media to them. `str0m` is sans-IO: the SFU loop feeds it datagrams
//! and time, and drains what it has to send and what happened.

use std::sync::Arc;
use std::time::Instant;

use app::video::ParticipantId;
use str0m::change::{SdpAnswer, SdpOffer, SdpPendingOffer};
use str0m::crypto::CryptoProvider;
use str0m::media::{Direction, MediaKind, MediaTime, Mid, Pt, Writer};
use str0m::{Candidate, Event, Output, Rtc};

/// What the connection is for.
pub enum Role {
    /// The participant's camera and microphone, as offered by their browser.
    Send {
        owner: ParticipantId,
        /// The media lines the browser sends on.
        tracks: Vec<(Mid, MediaKind)>,
        last_keyframe_request: Option<Instant>,
    },
    /// `source`'s media to `viewer`, offered by the server.
    Receive {
        viewer: ParticipantId,
        source: ParticipantId,
        /// Set until the browser's answer is accepted.
        pending: Option<SdpPendingOffer>,
        /// Our media line for each of the source's.
        lines: Vec<(Mid, Mid)>,
        /// Whether the viewer has a keyframe to decode from (a camera's frames are held back
        /// until the next one, as a camera cannot be asked for one).
        decodable: bool,
    },
}

pub struct Peer {
    pub rtc: Rtc,
    pub role: Role,
    /// When the connection next wants time fed in.
    pub wake: Instant,
}

/// Why a connection could not be set up: the SDP could not be read or negotiated.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SdpRefused(String);

#[derive(Debug)]
pub enum AnswerRefused {
    /// No offer of ours waits for an answer (never made, or answered already).
    NotOffered,
    Sdp(SdpRefused),
}

fn new_rtc(crypto: &Arc<CryptoProvider>, candidate: &Candidate, now: Instant) -> Rtc {
    let mut rtc = Rtc::builder()
        // The server has one public address and never gathers: ICE-lite, no STUN needed.
        .set_ice_lite(true)
        .set_crypto_provider(crypto.clone())
        .build(now);
    rtc.add_local_candidate(candidate.clone());
    rtc
}

impl Peer {
    /// Answers a browser's offer to send its media.
    pub fn send(
        owner: ParticipantId,
        offer: &str,
        crypto: &Arc<CryptoProvider>,
        candidate: &Candidate,
        now: Instant,
    ) -> Result<(Peer, String), SdpRefused> {
        let offer = SdpOffer::from_sdp_string(offer).map_err(|e| SdpRefused(e.to_string()))?;
        let mut rtc = new_rtc(crypto, candidate, now);
        let answer = rtc
            .sdp_api()
            .accept_offer(offer)
            .map_err(|e| SdpRefused(e.to_string()))?;
        let role = Role::Send {
            owner,
            tracks: Vec::new(),
            last_keyframe_request: None,
        };
        Ok((
            Peer {
                rtc,
                role,
                wake: now,
            },
            answer.to_sdp_string(),
        ))
    }

    /// Offers `viewer` a connection carrying `tracks` of `source`.
    pub fn receive(
        viewer: ParticipantId,
        source: ParticipantId,
        tracks: &[(Mid, MediaKind)],
        crypto: &Arc<CryptoProvider>,
        candidate: &Candidate,
        now: Instant,
    ) -> Option<(Peer, String)> {
        let mut rtc = new_rtc(crypto, candidate, now);
        let mut change = rtc.sdp_api();
        let stream = source.to_string();
        let lines = tracks
            .iter()
            .map(|&(theirs, kind)| {
                let ours =
                    change.add_media(kind, Direction::SendOnly, Some(stream.clone()), None, None);
                (ours, theirs)
            })
            .collect();
        let (offer, pending) = change.apply()?;
        let role = Role::Receive {
            viewer,
            source,
            pending: Some(pending),
            lines,
            decodable: false,
        };
        Some((
            Peer {
                rtc,
                role,
                wake: now,
            },
            offer.to_sdp_string(),
        ))
    }

    /// Accepts the browser's answer to [`Peer::receive`]'s offer. An unreadable answer leaves the
    /// offer open for another try; one the negotiation refuses ends the connection.
    pub fn accept_answer(&mut self, answer: &str) -> Result<(), AnswerRefused> {
        let Role::Receive { pending, .. } = &mut self.role else {
            return Err(AnswerRefused::NotOffered);
        };
        if pending.is_none() {
            return Err(AnswerRefused::NotOffered);
        }
        let answer = SdpAnswer::from_sdp_string(answer)
            .map_err(|e| AnswerRefused::Sdp(SdpRefused(e.to_string())))?;
        let Some(offer) = pending.take() else {
            return Err(AnswerRefused::NotOffered);
        };
        self.rtc
            .sdp_api()
            .accept_answer(offer, answer)
            .map_err(|e| {
                self.rtc.disconnect();
                AnswerRefused::Sdp(SdpRefused(e.to_string()))
            })
    }

    /// Drains the connection: datagrams to `transmit`, events returned, until it waits for time.
    pub fn drain(&mut self, mut transmit: impl FnMut(&[u8], std::net::SocketAddr)) -> Vec<Event> {
        let mut events = Vec::new();
        while self.rtc.is_alive() {
            match self.rtc.poll_output() {
                Ok(Output::Transmit(t)) => transmit(&t.contents, t.destination),
                Ok(Output::Timeout(at)) => {
                    self.wake = at;
                    break;
                }
                Ok(Output::Event(event)) => events.push(event),
                Err(err) => {
                    tracing::debug!(%err, "media connection failed");
                    self.rtc.disconnect();
                }
            }
        }
        events
    }

    /// Writes one frame on our media line `line`, in the payload type `pt` picks from what the
    /// viewer negotiated; `None` when the line or the codec was not negotiated. A failed write
    /// ends the connection.
    pub fn write(
        &mut self,
        line: Mid,
        pt: impl FnOnce(&Writer<'_>) -> Option<Pt>,
        at: Instant,
        time: MediaTime,
        data: impl Into<Arc<[u8]>>,
    ) -> Option<()> {
        let writer = self.rtc.writer(line)?;
        let pt = pt(&writer)?;
        if let Err(err) = writer.write(pt, at, time, data) {
            tracing::debug!(%err, "forwarding media");
            self.rtc.disconnect();
        }
        Some(())
    }

    pub fn owner(&self) -> Option<ParticipantId> {
        match self.role {
            Role::Send { owner, .. } => Some(owner),
            Role::Receive { .. } => None,
        }
    }

    /// Whether the connection belongs to `who`, as sender or viewer, or carries their media.
    pub fn involves(&self, who: ParticipantId) -> bool {
        match self.role {
            Role::Send { owner, .. } => owner == who,
            Role::Receive { viewer, source, .. } => viewer == who || source == who,
        }
    }
}
