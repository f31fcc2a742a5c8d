//! Pulling one camera: RTSP (retina) over TCP, its H.264 video as access units in Annex B with
//! the parameter sets before every keyframe — what str0m's H.264 packetizer takes as it is.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use retina::client::{Credentials, PlayOptions, Session, SessionOptions, SetupOptions, Transport};
use retina::codec::{CodecItem, FrameFormat};

use super::Frame;

/// A camera that does not answer DESCRIBE, SETUP and PLAY within this is unreachable.
const CONNECT_WITHIN: Duration = Duration::from_secs(10);
/// A camera that stops sending video this long is lost.
const STALL: Duration = Duration::from_secs(10);
/// Failures as stored and shown, at most this long (retina's messages carry every context).
const REASON_MAX: usize = 240;

/// Why a pull ended, in the camera's or the network's terms.
#[derive(Debug)]
pub struct PullFailed(pub String);

impl PullFailed {
    pub(super) fn new(reason: impl std::fmt::Display) -> PullFailed {
        let mut text = reason.to_string();
        if let Some((at, _)) = text.char_indices().nth(REASON_MAX) {
            text.truncate(at);
            text.push('…');
        }
        PullFailed(text)
    }
}

/// Splits `rtsp://user:password@host/path` into the address without credentials and the
/// credentials retina answers an authentication challenge with.
pub fn address(url: &str) -> Result<(url::Url, Option<Credentials>), PullFailed> {
    let mut parsed = url::Url::parse(url).map_err(PullFailed::new)?;
    let credentials = (!parsed.username().is_empty()).then(|| Credentials {
        username: decode(parsed.username()),
        password: decode(parsed.password().unwrap_or_default()),
    });
    // Neither can fail on an rtsp URL with a host, which `check_url` required.
    let _ = parsed.set_username("");
    let _ = parsed.set_password(None);
    Ok((parsed, credentials))
}

fn decode(part: &str) -> String {
    app::ui::url::decode(part).unwrap_or_else(|| part.to_string())
}

/// Connects and forwards frames to `frame` until the camera fails; `playing` is called once,
/// when the first frame arrives.
pub async fn pull(
    url: &str,
    mut playing: impl FnMut(),
    mut frame: impl FnMut(Frame),
) -> Result<std::convert::Infallible, PullFailed> {
    let (url, creds) = address(url)?;
    let connect = async {
        let options = SessionOptions::default()
            .creds(creds)
            .user_agent(format!("Yingji/{}", env!("CARGO_PKG_VERSION")));
        let mut session = Session::describe(url, options)
            .await
            .map_err(PullFailed::new)?;
        let video = session
            .streams()
            .iter()
            .position(|s| s.media() == "video" && s.encoding_name().eq_ignore_ascii_case("h264"))
            .ok_or_else(|| PullFailed::new("the camera offers no H.264 video"))?;
        let setup = SetupOptions::default()
            .transport(Transport::default())
            .frame_format(FrameFormat::SIMPLE);
        session.setup(video, setup).await.map_err(PullFailed::new)?;
        let playing = session
            .play(PlayOptions::default())
            .await
            .map_err(PullFailed::new)?;
        playing.demuxed().map_err(PullFailed::new)
    };
    let mut frames = tokio::time::timeout(CONNECT_WITHIN, connect)
        .await
        .map_err(|_| PullFailed::new("the camera did not answer within 10 s"))??;
    let mut first = true;
    loop {
        let item = tokio::time::timeout(STALL, frames.next())
            .await
            .map_err(|_| PullFailed::new("no video from the camera for 10 s"))?;
        match item {
            None => return Err(PullFailed::new("the camera ended the stream")),
            Some(Err(err)) => return Err(PullFailed::new(err)),
            Some(Ok(CodecItem::VideoFrame(video))) => {
                if first {
                    first = false;
                    playing();
                }
                let keyframe = video.is_random_access_point();
                let after_gap = video.loss() > 0;
                let rtp_time = u64::try_from(video.timestamp().elapsed()).unwrap_or_default();
                frame(Frame {
                    data: Arc::from(video.into_data()),
                    rtp_time,
                    keyframe,
                    after_gap,
                });
            }
            Some(Ok(_)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_leave_the_address() {
        let (url, creds) = address("rtsp://admin:p%40ss@10.0.0.9:554/h264?ch=1")
            .unwrap_or_else(|e| panic!("{}", e.0));
        assert_eq!(url.as_str(), "rtsp://10.0.0.9:554/h264?ch=1");
        let creds = creds.unwrap_or_else(|| panic!("no credentials"));
        assert_eq!(creds.username, "admin");
        assert_eq!(creds.password, "p@ss");
        let (url, creds) = address("rtsp://cam/live").unwrap_or_else(|e| panic!("{}", e.0));
        assert_eq!(url.as_str(), "rtsp://cam/live");
        assert!(creds.is_none());
    }

    #[test]
    fn reasons_are_kept_short() {
        let long = PullFailed::new("x".repeat(1000));
        assert_eq!(long.0.chars().count(), REASON_MAX + 1);
    }
}
