//! The SFU loop: one thread owns the UDP socket, the rooms and every connection. Commands from
//! the signalling sockets arrive on a channel; media is forwarded frame by frame without
//! transcoding, and a viewer's keyframe requests go back to the sender.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::video::{
    Admission, ClientSignal, MediaState, Participant, ParticipantId, RoomRef, RoomSummary,
    ServerSignal, SignalProblem, SubscriptionId,
};
use str0m::crypto::CryptoProvider;
use str0m::format::Codec;
use str0m::media::{KeyframeRequestKind, MediaData, MediaKind, MediaTime, Mid, Writer};
use str0m::{Candidate, Event, IceConnectionState, Input};
use tokio::net::UdpSocket;
use tokio::sync::mpsc::{Receiver, UnboundedReceiver, UnboundedSender};
use uuid::Uuid;

use super::Frame;
use super::peer::{AnswerRefused, Peer, Role};

/// At most one keyframe request per sender this often (a viewer joining, a lost packet).
const KEYFRAME_GAP: Duration = Duration::from_millis(500);
/// The loop wakes at least this often even when no connection asks for time.
const IDLE: Duration = Duration::from_millis(200);

pub enum Command {
    Join {
        id: ParticipantId,
        admission: Admission,
        signals: UnboundedSender<ServerSignal>,
    },
    Signal {
        from: ParticipantId,
        signal: ClientSignal,
    },
    Leave {
        from: ParticipantId,
    },
    /// A camera's pull started: it is `participant` of the camera's room.
    FeedOpen {
        camera: Uuid,
        participant: ParticipantId,
        name: String,
    },
    /// Frames are (or are no longer) arriving from the camera.
    FeedLive {
        participant: ParticipantId,
        live: bool,
    },
    FeedClose {
        participant: ParticipantId,
    },
}

/// A camera pulled by the node, the one sender of its room.
struct Feed {
    camera: Uuid,
    name: String,
    live: bool,
}

/// The media line a camera's viewers subscribe to (a camera sends one video stream).
fn feed_line() -> Mid {
    Mid::from("camera")
}

struct Member {
    room: RoomRef,
    name: String,
    unit: String,
    media: MediaState,
    publishing: bool,
    signals: UnboundedSender<ServerSignal>,
}

struct Room {
    title: String,
    members: Vec<ParticipantId>,
}

pub struct Sfu {
    socket: UdpSocket,
    local: SocketAddr,
    candidate: Candidate,
    crypto: Arc<CryptoProvider>,
    members: HashMap<ParticipantId, Member>,
    rooms: HashMap<RoomRef, Room>,
    peers: HashMap<u64, Peer>,
    next_peer: u64,
    feeds: HashMap<ParticipantId, Feed>,
    /// Connections given input (a datagram, time, media to forward, an answer) since they were
    /// last drained: only these are polled, not every connection for every datagram.
    dirty: HashSet<u64>,
    /// The connection each remote address last reached (one per browser connection).
    routes: HashMap<SocketAddr, u64>,
    /// The lobby's view of the rooms, refreshed whenever membership changes.
    summary: Arc<Mutex<Vec<RoomSummary>>>,
}

impl Sfu {
    pub fn new(
        socket: UdpSocket,
        announced: SocketAddr,
        summary: Arc<Mutex<Vec<RoomSummary>>>,
    ) -> std::io::Result<Sfu> {
        let candidate = Candidate::host(announced, "udp")
            .map_err(|e| std::io::Error::other(format!("host candidate {announced}: {e}")))?;
        Ok(Sfu {
            local: announced,
            socket,
            candidate,
            crypto: Arc::new(str0m::crypto::from_feature_flags()),
            members: HashMap::new(),
            rooms: HashMap::new(),
            peers: HashMap::new(),
            next_peer: 1,
            feeds: HashMap::new(),
            dirty: HashSet::new(),
            routes: HashMap::new(),
            summary,
        })
    }

    pub async fn run(
        mut self,
        mut commands: UnboundedReceiver<Command>,
        mut frames: Receiver<(ParticipantId, Frame)>,
    ) {
        let mut buf = vec![0u8; 2048];
        loop {
            let wake = self.drive();
            tokio::select! {
                Some((feed, frame)) = frames.recv() => self.forward_frame(feed, &frame),
                received = self.socket.recv_from(&mut buf) => match received {
                    Ok((n, source)) => self.receive(&buf[..n], source),
                    Err(err) => tracing::debug!(%err, "media socket"),
                },
                command = commands.recv() => match command {
                    Some(command) => self.command(command),
                    None => return,
                },
                _ = tokio::time::sleep_until(wake.into()) => {}
            }
        }
    }

    /// Feeds time to the connections that asked for it, drains those given input and acts on
    /// what happened; returns when the loop must next wake.
    fn drive(&mut self) -> Instant {
        let now = Instant::now();
        for (&id, peer) in self.peers.iter_mut() {
            if peer.wake <= now {
                if let Err(err) = peer.rtc.handle_input(Input::Timeout(now)) {
                    tracing::debug!(%err, "media connection failed");
                    peer.rtc.disconnect();
                }
                self.dirty.insert(id);
            }
        }
        // Acting on one connection's events writes into others (forwarded media, keyframe
        // requests): drain until nothing is left.
        while !self.dirty.is_empty() {
            let mut happened = Vec::new();
            for id in std::mem::take(&mut self.dirty) {
                if let Some(peer) = self.peers.get_mut(&id) {
                    let socket = &self.socket;
                    let events = peer.drain(|bytes, to| send(socket, bytes, to));
                    happened.extend(events.into_iter().map(|event| (id, event)));
                }
            }
            for (id, event) in happened {
                self.on_event(id, event);
            }
        }
        self.reap();
        self.peers
            .values()
            .map(|p| p.wake)
            .min()
            .unwrap_or(now + IDLE)
            .min(now + IDLE)
    }

    fn receive(&mut self, bytes: &[u8], source: SocketAddr) {
        let Some(input) = super::datagram(bytes, source, self.local) else {
            return;
        };
        // The ICE username (STUN) or the remote address (DTLS, SRTP) names the connection; the
        // last one this address reached is asked first.
        let known = self
            .routes
            .get(&source)
            .copied()
            .filter(|id| self.peers.get(id).is_some_and(|p| p.rtc.accepts(&input)));
        let Some(id) = known.or_else(|| {
            self.peers
                .iter()
                .find(|(_, p)| p.rtc.accepts(&input))
                .map(|(&id, _)| id)
        }) else {
            return;
        };
        self.routes.insert(source, id);
        self.dirty.insert(id);
        if let Some(peer) = self.peers.get_mut(&id)
            && let Err(err) = peer.rtc.handle_input(input)
        {
            tracing::debug!(%err, "media connection failed");
            peer.rtc.disconnect();
        }
    }

    fn on_event(&mut self, peer_id: u64, event: Event) {
        match event {
            Event::MediaAdded(added) => {
                if let Some(Role::Send { tracks, .. }) =
                    self.peers.get_mut(&peer_id).map(|p| &mut p.role)
                {
                    tracks.push((added.mid, added.kind));
                }
            }
            Event::Connected => self.on_connected(peer_id),
            Event::IceConnectionStateChange(IceConnectionState::Disconnected) => {
                if let Some(peer) = self.peers.get_mut(&peer_id) {
                    peer.rtc.disconnect();
                }
            }
            Event::MediaData(data) => self.forward(peer_id, data),
            Event::KeyframeRequest(request) => {
                let source = match self.peers.get(&peer_id).map(|p| &p.role) {
                    Some(Role::Receive { source, .. }) => *source,
                    _ => return,
                };
                self.request_keyframe(source, request.kind);
            }
            _ => {}
        }
    }

    fn on_connected(&mut self, peer_id: u64) {
        let Some(peer) = self.peers.get(&peer_id) else {
            return;
        };
        match peer.role {
            Role::Send { owner, .. } => {
                if let Some(member) = self.members.get_mut(&owner) {
                    member.publishing = true;
                }
                self.tell_room(owner, ServerSignal::TrackPublished { participant: owner });
                self.publish_summary();
            }
            // A new viewer decodes nothing until the next keyframe: ask for one now.
            Role::Receive { source, .. } => self.request_keyframe(source, KeyframeRequestKind::Pli),
        }
    }

    /// A sender's frame, written to every connection that carries that sender to a viewer.
    fn forward(&mut self, peer_id: u64, data: MediaData) {
        let Some(owner) = self.peers.get(&peer_id).and_then(Peer::owner) else {
            return;
        };
        if !data.contiguous {
            self.request_keyframe(owner, KeyframeRequestKind::Fir);
        }
        for (&id, peer) in self.peers.iter_mut() {
            let Role::Receive {
                source,
                pending: None,
                lines,
                ..
            } = &peer.role
            else {
                continue;
            };
            if *source != owner {
                continue;
            }
            let Some(&(ours, _)) = lines.iter().find(|(_, theirs)| *theirs == data.mid) else {
                continue;
            };
            // The viewer's payload type for the sender's codec (both negotiated the same set).
            let pt = |writer: &Writer<'_>| writer.match_params(data.params);
            let payload = data.data.clone();
            if peer
                .write(ours, pt, data.network_time, data.time, payload)
                .is_some()
            {
                self.dirty.insert(id);
            }
        }
    }

    fn request_keyframe(&mut self, sender: ParticipantId, kind: KeyframeRequestKind) {
        let now = Instant::now();
        for (&id, peer) in self.peers.iter_mut() {
            let Role::Send {
                owner,
                tracks,
                last_keyframe_request,
            } = &mut peer.role
            else {
                continue;
            };
            if *owner != sender || last_keyframe_request.is_some_and(|t| now - t < KEYFRAME_GAP) {
                continue;
            }
            *last_keyframe_request = Some(now);
            self.dirty.insert(id);
            for &(mid, media) in tracks.iter() {
                if media == MediaKind::Video
                    && let Some(mut writer) = peer.rtc.writer(mid)
                {
                    let _ = writer.request_keyframe(None, kind);
                }
            }
        }
    }

    /// Drops dead connections; a sender's loss is told to the room, a viewer's is silent.
    fn reap(&mut self) {
        let dead: Vec<u64> = self
            .peers
            .iter()
            .filter(|(_, p)| !p.rtc.is_alive())
            .map(|(&id, _)| id)
            .collect();
        if !dead.is_empty() {
            self.routes.retain(|_, id| !dead.contains(id));
        }
        for id in dead {
            let Some(peer) = self.peers.remove(&id) else {
                continue;
            };
            if let Some(owner) = peer.owner() {
                self.unpublish(owner);
            }
        }
    }

    fn unpublish(&mut self, owner: ParticipantId) {
        let was = self
            .members
            .get_mut(&owner)
            .map(|m| std::mem::replace(&mut m.publishing, false))
            .unwrap_or(false);
        for peer in self.peers.values_mut() {
            if matches!(peer.role, Role::Receive { source, .. } if source == owner) {
                peer.rtc.disconnect();
            }
        }
        if was {
            self.tell_room(owner, ServerSignal::TrackEnded { participant: owner });
            self.publish_summary();
        }
    }

    fn command(&mut self, command: Command) {
        match command {
            Command::Join {
                id,
                admission,
                signals,
            } => self.join(id, admission, signals),
            Command::Signal { from, signal } => self.signal(from, signal),
            Command::Leave { from } => self.leave(from),
            Command::FeedOpen {
                camera,
                participant,
                name,
            } => {
                self.feeds.insert(
                    participant,
                    Feed {
                        camera,
                        name,
                        live: false,
                    },
                );
            }
            Command::FeedLive { participant, live } => self.feed_live(participant, live),
            Command::FeedClose { participant } => {
                self.feed_live(participant, false);
                self.feeds.remove(&participant);
            }
        }
    }

    /// Tells the camera's viewers it started or stopped; a stopped camera's connections end.
    fn feed_live(&mut self, participant: ParticipantId, live: bool) {
        let Some(feed) = self.feeds.get_mut(&participant) else {
            return;
        };
        if std::mem::replace(&mut feed.live, live) == live {
            return;
        }
        let room = RoomRef::Camera { id: feed.camera };
        if !live {
            for peer in self.peers.values_mut() {
                if matches!(peer.role, Role::Receive { source, .. } if source == participant) {
                    peer.rtc.disconnect();
                }
            }
        }
        let signal = if live {
            ServerSignal::TrackPublished { participant }
        } else {
            ServerSignal::TrackEnded { participant }
        };
        self.tell_members(&room, participant, &signal);
    }

    /// A camera's frame, written to each of its viewers that can decode from it: after a
    /// keyframe, and again only from the next one after frames were lost.
    fn forward_frame(&mut self, feed: ParticipantId, frame: &Frame) {
        let now = Instant::now();
        let time = MediaTime::from_90khz(frame.rtp_time);
        for (&id, peer) in self.peers.iter_mut() {
            let Role::Receive {
                source,
                pending: None,
                lines,
                decodable,
                ..
            } = &mut peer.role
            else {
                continue;
            };
            if *source != feed {
                continue;
            }
            if frame.after_gap {
                *decodable = false;
            }
            *decodable |= frame.keyframe;
            if !*decodable {
                continue;
            }
            let Some(&(ours, _)) = lines.first() else {
                continue;
            };
            if peer
                .write(ours, h264_payload, now, time, frame.data.clone())
                .is_some()
            {
                self.dirty.insert(id);
            } else {
                tracing::debug!(viewer = id, "the viewer negotiated no H.264");
                peer.rtc.disconnect();
            }
        }
    }

    fn join(
        &mut self,
        id: ParticipantId,
        admission: Admission,
        signals: UnboundedSender<ServerSignal>,
    ) {
        let Admission {
            room,
            title,
            name,
            unit,
        } = admission;
        let entry = self.rooms.entry(room.clone()).or_insert_with(|| Room {
            title,
            members: Vec::new(),
        });
        if entry.members.len() >= room.capacity() {
            let _ = signals.send(ServerSignal::Error {
                problem: SignalProblem::RoomFull,
                fatal: true,
            });
            return;
        }
        entry.members.push(id);
        let title = entry.title.clone();
        // A camera's viewers see the camera only, and are not told of each other.
        let others: Vec<Participant> = match &room {
            RoomRef::Camera { id: camera } => self
                .feeds
                .iter()
                .filter(|(_, f)| f.camera == *camera)
                .map(|(&p, f)| feed_participant(p, f))
                .collect(),
            _ => entry
                .members
                .iter()
                .filter(|&&m| m != id)
                .filter_map(|&m| self.members.get(&m).map(|member| participant(m, member)))
                .collect(),
        };
        let viewer_only = matches!(room, RoomRef::Camera { .. });
        let member = Member {
            room: room.clone(),
            name,
            unit,
            media: MediaState::default(),
            publishing: false,
            signals,
        };
        let _ = member.signals.send(ServerSignal::Joined {
            me: id,
            room,
            title,
            participants: others,
        });
        let joined = participant(id, &member);
        self.members.insert(id, member);
        if !viewer_only {
            self.tell_room(
                id,
                ServerSignal::ParticipantJoined {
                    participant: joined,
                },
            );
        }
        self.publish_summary();
    }

    fn signal(&mut self, from: ParticipantId, signal: ClientSignal) {
        let result = match signal {
            ClientSignal::Publish { sdp } => self.publish(from, &sdp),
            ClientSignal::Subscribe { participant } => self.subscribe(from, participant),
            ClientSignal::Answer { subscription, sdp } => self.answer(from, subscription, &sdp),
            ClientSignal::State { media } => {
                if let Some(member) = self.members.get_mut(&from) {
                    member.media = media;
                }
                self.tell_room(
                    from,
                    ServerSignal::StateChanged {
                        participant: from,
                        media,
                    },
                );
                Ok(())
            }
            ClientSignal::Leave => {
                self.leave(from);
                Ok(())
            }
            ClientSignal::Join { .. } => Err(SignalProblem::OutOfOrder),
        };
        if let Err(problem) = result {
            self.tell(
                from,
                ServerSignal::Error {
                    problem,
                    fatal: false,
                },
            );
        }
    }

    fn publish(&mut self, from: ParticipantId, sdp: &str) -> Result<(), SignalProblem> {
        match self.members.get(&from).map(|m| &m.room) {
            None => return Err(SignalProblem::OutOfOrder),
            // Only the camera sends in its room.
            Some(RoomRef::Camera { .. }) => return Err(SignalProblem::NotAllowed),
            Some(_) => {}
        }
        let (peer, answer) = Peer::send(from, sdp, &self.crypto, &self.candidate, Instant::now())
            .map_err(|err| {
            tracing::info!(%err, participant = %from, "refused a publishing offer");
            SignalProblem::BadSdp
        })?;
        // Publishing again (a new camera, a reconnect) replaces the old connection.
        for old in self.peers.values_mut() {
            if old.owner() == Some(from) {
                old.rtc.disconnect();
            }
        }
        self.unpublish(from);
        self.add_peer(peer);
        self.tell(from, ServerSignal::Published { sdp: answer });
        Ok(())
    }

    fn subscribe(
        &mut self,
        viewer: ParticipantId,
        source: ParticipantId,
    ) -> Result<(), SignalProblem> {
        let tracks = match self.feeds.get(&source) {
            Some(feed) => {
                let watching = self
                    .members
                    .get(&viewer)
                    .is_some_and(|v| v.room == RoomRef::Camera { id: feed.camera });
                (watching && feed.live)
                    .then(|| vec![(feed_line(), MediaKind::Video)])
                    .ok_or(SignalProblem::UnknownParticipant)?
            }
            None => self.participant_tracks(viewer, source)?,
        };
        // A second subscription to the same sender replaces the first.
        for old in self.peers.values_mut() {
            if matches!(old.role, Role::Receive { viewer: v, source: s, .. } if v == viewer && s == source)
            {
                old.rtc.disconnect();
            }
        }
        let (peer, offer) = Peer::receive(
            viewer,
            source,
            &tracks,
            &self.crypto,
            &self.candidate,
            Instant::now(),
        )
        .ok_or(SignalProblem::BadSdp)?;
        let id = self.add_peer(peer);
        self.tell(
            viewer,
            ServerSignal::Offer {
                subscription: SubscriptionId(id),
                participant: source,
                sdp: offer,
            },
        );
        Ok(())
    }

    /// What a participant sends, if `viewer` shares their room.
    fn participant_tracks(
        &self,
        viewer: ParticipantId,
        source: ParticipantId,
    ) -> Result<Vec<(Mid, MediaKind)>, SignalProblem> {
        let same_room = match (self.members.get(&viewer), self.members.get(&source)) {
            (Some(v), Some(s)) => v.room == s.room && viewer != source,
            _ => false,
        };
        self.peers
            .values()
            .find_map(|p| match &p.role {
                Role::Send { owner, tracks, .. } if *owner == source && p.rtc.is_alive() => {
                    Some(tracks.clone())
                }
                _ => None,
            })
            .filter(|t| !t.is_empty() && same_room)
            .ok_or(SignalProblem::UnknownParticipant)
    }

    fn answer(
        &mut self,
        viewer: ParticipantId,
        subscription: SubscriptionId,
        sdp: &str,
    ) -> Result<(), SignalProblem> {
        let peer = self
            .peers
            .get_mut(&subscription.0)
            .filter(|p| matches!(p.role, Role::Receive { viewer: v, .. } if v == viewer))
            .ok_or(SignalProblem::UnknownSubscription)?;
        self.dirty.insert(subscription.0);
        peer.accept_answer(sdp).map_err(|refused| match refused {
            AnswerRefused::NotOffered => SignalProblem::OutOfOrder,
            AnswerRefused::Sdp(err) => {
                tracing::info!(%err, participant = %viewer, "refused an answer");
                SignalProblem::BadSdp
            }
        })
    }

    fn leave(&mut self, who: ParticipantId) {
        let Some(member) = self.members.remove(&who) else {
            return;
        };
        for peer in self.peers.values_mut() {
            if peer.involves(who) {
                peer.rtc.disconnect();
            }
        }
        if let Some(room) = self.rooms.get_mut(&member.room) {
            room.members.retain(|&m| m != who);
            if room.members.is_empty() {
                self.rooms.remove(&member.room);
            }
        }
        if !matches!(member.room, RoomRef::Camera { .. }) {
            self.tell_members(
                &member.room,
                who,
                &ServerSignal::ParticipantLeft { participant: who },
            );
        }
        self.publish_summary();
    }

    fn add_peer(&mut self, peer: Peer) -> u64 {
        let id = self.next_peer;
        self.next_peer += 1;
        self.peers.insert(id, peer);
        self.dirty.insert(id);
        id
    }

    fn tell(&self, who: ParticipantId, signal: ServerSignal) {
        if let Some(member) = self.members.get(&who) {
            let _ = member.signals.send(signal);
        }
    }

    /// Tells everyone in `from`'s room but `from`.
    fn tell_room(&self, from: ParticipantId, signal: ServerSignal) {
        if let Some(member) = self.members.get(&from) {
            self.tell_members(&member.room, from, &signal);
        }
    }

    fn tell_members(&self, room: &RoomRef, except: ParticipantId, signal: &ServerSignal) {
        let Some(room) = self.rooms.get(room) else {
            return;
        };
        for &m in room.members.iter().filter(|&&m| m != except) {
            self.tell(m, signal.clone());
        }
    }

    fn publish_summary(&self) {
        let rooms = self
            .rooms
            .iter()
            .map(|(room, r)| RoomSummary {
                room: room.clone(),
                title: r.title.clone(),
                participants: r
                    .members
                    .iter()
                    .filter_map(|m| self.members.get(m).map(|m| m.name.clone()))
                    .collect(),
            })
            .collect();
        *self.summary.lock().unwrap_or_else(|e| e.into_inner()) = rooms;
    }
}

fn feed_participant(id: ParticipantId, feed: &Feed) -> Participant {
    Participant {
        id,
        name: feed.name.clone(),
        unit: String::new(),
        media: MediaState::default(),
        publishing: feed.live,
    }
}

/// The viewer's payload type for H.264 as cameras send it (packetization mode 1), constrained
/// baseline preferred: what every browser decodes.
fn h264_payload(writer: &Writer<'_>) -> Option<str0m::media::Pt> {
    let h264: Vec<_> = writer
        .payload_params()
        .filter(|p| p.spec().codec == Codec::H264 && p.spec().format.packetization_mode == Some(1))
        .collect();
    h264.iter()
        .find(|p| p.spec().format.profile_level_id == Some(0x42e01f))
        .or(h264.first())
        .map(|p| p.pt())
}

fn participant(id: ParticipantId, member: &Member) -> Participant {
    Participant {
        id,
        name: member.name.clone(),
        unit: member.unit.clone(),
        media: member.media,
        publishing: member.publishing,
    }
}

/// UDP is lossy anyway: a full send buffer drops the datagram rather than stall every room.
fn send(socket: &UdpSocket, bytes: &[u8], to: SocketAddr) {
    if let Err(err) = socket.try_send_to(bytes, to) {
        tracing::trace!(%err, %to, "media datagram dropped");
    }
}
