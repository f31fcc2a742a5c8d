//! One device: what it is, whether it answers, what it is doing, and its controls — power,
//! input and mute for displays, the PTZ pad for cameras, the ties of a matrix.

use leptos::prelude::*;

use super::hall_page::Statuses;
use super::ptz_pad::PtzPad;
use crate::error::ErrorNotice;
use crate::hall::{ActOnDevice, Action, DeviceKind, DeviceStatus, DeviceView, Link};
use crate::i18n::use_i18n;
use crate::ui::DemoBadge;
use crate::ui::time::format_seconds;

/// PJLink inputs offered: computer 1, HDMI 1, HDMI 2, network.
const INPUTS: [(&str, &str); 4] = [
    ("11", "RGB 1"),
    ("31", "HDMI 1"),
    ("32", "HDMI 2"),
    ("51", "LAN"),
];

#[component]
pub fn DeviceCard(device: DeviceView, statuses: Statuses) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().hall;
    let act = ServerAction::<ActOnDevice>::new();
    let id = device.id.clone();
    {
        let id = id.clone();
        Effect::new(move |_| {
            if let Some(Ok(status)) = act.value().get() {
                statuses.update(|map| {
                    map.insert(id.clone(), status);
                });
            }
        });
    }
    let status = {
        let id = id.clone();
        Memo::new(move |_| statuses.with(|map| map.get(&id).cloned().unwrap_or_default()))
    };
    let run = {
        let id = id.clone();
        move |action: Action| {
            act.dispatch(ActOnDevice {
                device: id.clone(),
                action,
            });
        }
    };
    let kind = device.kind();
    let controls = match kind {
        DeviceKind::Display => {
            let (on, off, mute, unmute) = (run.clone(), run.clone(), run.clone(), run.clone());
            let pick = run.clone();
            let options = INPUTS
                .iter()
                .map(|(code, name)| view! { <option value=*code>{format!("{name}（{code}）")}</option> })
                .collect_view();
            view! {
                <div class="device__controls">
                    <button class="button" type="button" on:click=move |_| on(Action::Power(true))>{t.power_on}</button>
                    <button class="button" type="button" on:click=move |_| off(Action::Power(false))>{t.power_off}</button>
                    <button class="button" type="button" on:click=move |_| mute(Action::Mute(true))>{t.mute}</button>
                    <button class="button" type="button" on:click=move |_| unmute(Action::Mute(false))>{t.unmute}</button>
                    <label class="field field--inline">
                        <span class="field__label">{t.input}</span>
                        <select on:change=move |ev| pick(Action::Input(event_target_value(&ev)))>
                            <option value="">"—"</option>
                            {options}
                        </select>
                    </label>
                </div>
            }
            .into_any()
        }
        DeviceKind::Camera => view! { <PtzPad run=run.clone() /> }.into_any(),
        DeviceKind::Matrix => ().into_any(),
    };
    let facts = move || status.with(|s| describe(t, kind, s));
    let link = move || status.with(|s| s.link);
    let error = move || {
        status
            .get()
            .error
            .map(|e| view! { <p class="device__error" role="alert">{e}</p> })
    };
    let failed = move || match act.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    let simulated =
        (device.address == "simulator").then(|| view! { <span class="badge">{t.simulated}</span> });
    view! {
        <article class=move || format!("device device--{}", link_class(link())) data-testid="device" data-device=id.clone()>
            <header class="device__header">
                <h3>{device.name.clone()}</h3>
                <span class="muted">{t.kind(kind)}" · "{device.protocol.key().to_uppercase()}</span>
                {simulated}
                {device.demo.then(|| view! { <DemoBadge /> })}
                <span class="device__link" data-testid="device-link">{move || t.link(link())}</span>
            </header>
            <p class="device__facts" data-testid="device-facts">{facts}</p>
            {error}
            {controls}
            {failed}
        </article>
    }
}

fn link_class(link: Link) -> &'static str {
    match link {
        Link::Connecting => "connecting",
        Link::Online => "online",
        Link::Offline => "offline",
    }
}

/// The status as one line: power, input and mute; ties; the preset; when it last answered.
fn describe(t: &crate::i18n::HallTexts, kind: DeviceKind, s: &DeviceStatus) -> String {
    let mut parts = Vec::new();
    if let Some(p) = s.power {
        parts.push(t.power(p).to_string());
    }
    if let Some(i) = &s.input {
        parts.push(format!("{} {i}", t.input));
    }
    if s.muted == Some(true) {
        parts.push(t.muted.to_string());
    }
    if kind == DeviceKind::Matrix && !s.ties.is_empty() {
        let ties: Vec<String> = s.ties.iter().map(|(o, i)| format!("{o}←{i}")).collect();
        parts.push(format!("{}：{}", t.ties, ties.join(" ")));
    }
    if let Some(p) = s.preset {
        parts.push(format!("{} {p}", t.preset));
    }
    if let Some(seen) = s.seen {
        parts.push(format!("{} {}", t.last_seen, format_seconds(seen)));
    }
    parts.join(" · ")
}
