//! hydrate: a form posted with XMLHttpRequest, because fetch cannot report upload progress:
//! the caller hears the bytes sent, then the answer's text as it grows (a streamed answer can
//! report its own progress), then the final status and text.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

pub enum UploadEvent {
    /// Bytes of the request sent so far, of the total.
    Sent { loaded: f64, total: f64 },
    /// The answer received so far.
    Receiving(String),
    /// The request ended: the HTTP status (0 when the connection failed) and the whole answer.
    Done { status: u16, text: String },
}

/// Posts `form` (its fields and files) to `url`.
pub fn post_form(form: &HtmlFormElement, url: &str, listener: impl Fn(UploadEvent) + 'static) {
    let listener = Rc::new(listener);
    let started = (|| {
        let xhr = XmlHttpRequest::new()?;
        xhr.open("POST", url)?;
        let data = FormData::new_with_form(form)?;
        let on_sent = {
            let listener = listener.clone();
            Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
                listener(UploadEvent::Sent {
                    loaded: e.loaded(),
                    total: e.total(),
                })
            })
        };
        xhr.upload()?
            .add_event_listener_with_callback("progress", on_sent.as_ref().unchecked_ref())?;
        on_sent.forget();
        let on_receiving = {
            let (listener, xhr) = (listener.clone(), xhr.clone());
            Closure::<dyn Fn()>::new(move || {
                if let Ok(Some(text)) = xhr.response_text() {
                    listener(UploadEvent::Receiving(text));
                }
            })
        };
        xhr.add_event_listener_with_callback("progress", on_receiving.as_ref().unchecked_ref())?;
        on_receiving.forget();
        let on_end = {
            let (listener, xhr) = (listener.clone(), xhr.clone());
            Closure::<dyn Fn()>::new(move || {
                let text = xhr.response_text().ok().flatten().unwrap_or_default();
                listener(UploadEvent::Done {
                    status: xhr.status().unwrap_or(0),
                    text,
                });
            })
        };
        xhr.add_event_listener_with_callback("loadend", on_end.as_ref().unchecked_ref())?;
        on_end.forget();
        xhr.send_with_opt_form_data(Some(&data))?;
        Ok::<_, JsValue>(())
    })();
    if started.is_err() {
        listener(UploadEvent::Done {
            status: 0,
            text: String::new(),
        });
    }
}
