//! hydrate: one location fix from the browser (a tablet's GPS), through a callback.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Asks for the current position once; `done` gets (lon, lat), or `None` when the browser has
/// no fix, no permission or no geolocation at all.
pub fn locate(done: impl Fn(Option<(f64, f64)>) + 'static) {
    let done = std::rc::Rc::new(done);
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done(None);
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |position: web_sys::Position| {
            let c = position.coords();
            done(Some((c.longitude(), c.latitude())));
        })
    };
    let failed = {
        let done = done.clone();
        Closure::once_into_js(move |_error: JsValue| done(None))
    };
    if geo
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(failed.unchecked_ref()))
        .is_err()
    {
        done(None);
    }
}
