//! One actor per device: a single task owns the driver, so one command is in flight at a time;
//! every command and poll has a timeout; a failure that breaks the link closes it, and the next
//! command reconnects (retrying that command once). While the device is unreachable the actor
//! reconnects with backoff, and a command gets one connection attempt (bounded by the timeout)
//! before it is answered with the reason: no caller waits long on a dead device, and other
//! devices never notice.

use std::time::Duration;

use app::hall::{Action, DeviceStatus, Link};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::{Instant, timeout};

use super::driver::{DeviceError, Driver};

/// How patient the actor is.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// For one command or poll, answer included.
    pub command: Duration,
    /// Between status polls of a connected device.
    pub poll: Duration,
    /// The longest wait between reconnection attempts (it starts at a tenth of this).
    pub backoff: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            command: Duration::from_secs(3),
            poll: Duration::from_secs(10),
            backoff: Duration::from_secs(10),
        }
    }
}

struct Request {
    action: Action,
    reply: oneshot::Sender<Result<(), DeviceError>>,
}

/// The way to a device's actor: send it actions, watch its status.
#[derive(Clone)]
pub struct DeviceHandle {
    requests: mpsc::Sender<Request>,
    status: watch::Receiver<DeviceStatus>,
}

impl DeviceHandle {
    /// Runs `action` on the device and waits for its outcome.
    pub async fn act(&self, action: Action) -> Result<(), DeviceError> {
        let (reply, answer) = oneshot::channel();
        self.requests
            .send(Request { action, reply })
            .await
            .map_err(|_| DeviceError::Stopped)?;
        answer.await.map_err(|_| DeviceError::Stopped)?
    }

    pub fn status(&self) -> DeviceStatus {
        self.status.borrow().clone()
    }

    pub fn watch(&self) -> watch::Receiver<DeviceStatus> {
        self.status.clone()
    }
}

/// Starts the actor of one device; it stops when every handle is dropped.
pub fn spawn<D: Driver>(driver: D, timing: Timing) -> DeviceHandle {
    let (requests, inbox) = mpsc::channel(32);
    let (publish, status) = watch::channel(DeviceStatus::default());
    tokio::spawn(
        Actor {
            driver,
            timing,
            connected: false,
            status: DeviceStatus::default(),
            publish,
        }
        .run(inbox),
    );
    DeviceHandle { requests, status }
}

struct Actor<D> {
    driver: D,
    timing: Timing,
    connected: bool,
    status: DeviceStatus,
    publish: watch::Sender<DeviceStatus>,
}

fn now() -> i64 {
    app::ui::time::now_unix()
}

impl<D: Driver> Actor<D> {
    async fn run(mut self, mut inbox: mpsc::Receiver<Request>) {
        let mut backoff = self.timing.backoff / 10;
        let mut next_try = Instant::now();
        let mut next_poll = Instant::now();
        loop {
            let wake = if self.connected { next_poll } else { next_try };
            tokio::select! {
                request = inbox.recv() => {
                    let Some(request) = request else { return };
                    let outcome = self.handle(&request.action).await;
                    if self.connected {
                        backoff = self.timing.backoff / 10;
                    }
                    // The caller may have given up waiting; that is theirs to decide.
                    let _ = request.reply.send(outcome);
                }
                () = tokio::time::sleep_until(wake) => {
                    if self.connected {
                        self.poll().await;
                        next_poll = Instant::now() + self.timing.poll;
                    } else if self.reconnect().await.is_ok() {
                        backoff = self.timing.backoff / 10;
                        self.poll().await;
                        next_poll = Instant::now() + self.timing.poll;
                    } else {
                        next_try = Instant::now() + backoff;
                        backoff = (backoff * 2).min(self.timing.backoff);
                    }
                }
            }
        }
    }

    /// An action: on a link that breaks, reconnect once and try again.
    async fn handle(&mut self, action: &Action) -> Result<(), DeviceError> {
        if !self.connected {
            self.reconnect().await?;
        }
        let first = self.attempt(action).await;
        let outcome = match first {
            Err(e) if e.breaks_link() => {
                self.reconnect().await?;
                self.attempt(action).await
            }
            other => other,
        };
        self.settle(outcome.as_ref().err());
        outcome
    }

    async fn attempt(&mut self, action: &Action) -> Result<(), DeviceError> {
        let outcome = match timeout(
            self.timing.command,
            self.driver.act(action, &mut self.status),
        )
        .await
        {
            Ok(outcome) => outcome,
            Err(_) => Err(DeviceError::Timeout),
        };
        if outcome.as_ref().is_err_and(DeviceError::breaks_link) {
            self.drop_link();
        }
        outcome
    }

    async fn poll(&mut self) {
        let outcome = match timeout(self.timing.command, self.driver.poll(&mut self.status)).await {
            Ok(outcome) => outcome,
            Err(_) => Err(DeviceError::Timeout),
        };
        if outcome.as_ref().is_err_and(DeviceError::breaks_link) {
            self.drop_link();
        }
        self.settle(outcome.as_ref().err());
    }

    async fn reconnect(&mut self) -> Result<(), DeviceError> {
        self.driver.close();
        let outcome = match timeout(self.timing.command, self.driver.connect()).await {
            Ok(outcome) => outcome,
            Err(_) => Err(DeviceError::Timeout),
        };
        match &outcome {
            Ok(()) => self.connected = true,
            Err(e) => {
                self.drop_link();
                self.status.error = Some(e.to_string());
                self.publish.send_replace(self.status.clone());
            }
        }
        outcome
    }

    fn drop_link(&mut self) {
        self.driver.close();
        self.connected = false;
        self.status.link = Link::Offline;
    }

    /// Publishes the status after an answer (or its absence).
    fn settle(&mut self, error: Option<&DeviceError>) {
        if self.connected {
            self.status.link = Link::Online;
            self.status.seen = Some(now());
        }
        self.status.error = error.map(ToString::to_string);
        self.publish.send_replace(self.status.clone());
    }
}
