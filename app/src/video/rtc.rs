//! hydrate: what every WebRTC page of the node shares — the signalling socket's address and
//! the offer/answer steps. The server is ICE-lite on a known address, so descriptions carry
//! their candidates and nothing is trickled.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RtcPeerConnection, RtcSdpType, RtcSessionDescriptionInit};

use super::signal::SIGNAL_PATH;

pub(crate) type Handler = Closure<dyn FnMut(JsValue)>;

/// `ws://` or `wss://` to this node's signalling socket, as the page was loaded.
pub(crate) fn socket_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}{SIGNAL_PATH}", location.host().ok()?))
}

/// Creates the offer or answer, sets it, and returns its SDP.
pub(crate) async fn local_description(
    pc: &RtcPeerConnection,
    kind: RtcSdpType,
) -> Result<String, JsValue> {
    let created = match kind {
        RtcSdpType::Offer => JsFuture::from(pc.create_offer()).await?,
        _ => JsFuture::from(pc.create_answer()).await?,
    };
    let sdp = Reflect::get(&created, &"sdp".into())?
        .as_string()
        .ok_or_else(|| JsValue::from_str("no sdp"))?;
    let description = RtcSessionDescriptionInit::new(kind);
    description.set_sdp(&sdp);
    JsFuture::from(pc.set_local_description(&description)).await?;
    Ok(sdp)
}

pub(crate) async fn remote(
    pc: &RtcPeerConnection,
    kind: RtcSdpType,
    sdp: &str,
) -> Result<(), JsValue> {
    let description = RtcSessionDescriptionInit::new(kind);
    description.set_sdp(sdp);
    JsFuture::from(pc.set_remote_description(&description)).await?;
    Ok(())
}
