//! Grade, status and deadline marks, the same on the desk, the incident page and the wall.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::incidents::{Duty, DutyState, Grade, IncidentStatus};
use crate::ui::clock::use_now;
use crate::ui::time::{format_clock, format_duration};

/// 事故等级 in its response colour: IV blue, III yellow, II orange, I red.
#[component]
pub fn GradeBadge(grade: Grade) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge badge--grade badge--{}", grade.key()) data-testid="grade">
            {move || i18n.t().incidents.grade(grade)}
        </span>
    }
}

#[component]
pub fn StatusTag(status: IncidentStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("status status--{}", status.key())>
            {move || i18n.t().incidents.status(status)}
        </span>
    }
}

/// A reporting deadline, live: time left, time over (alarm colour), or when it was received.
#[component]
pub fn DutyClock(duty: Duty) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now();
    let state = move || duty.state(now.get());
    let class = move || match state() {
        DutyState::Open { remaining } if remaining < 1800 => "duty duty--soon",
        DutyState::Open { .. } => "duty duty--open",
        DutyState::Overdue { .. } => "duty duty--overdue",
        DutyState::Done { late: true } => "duty duty--late",
        DutyState::Done { late: false } => "duty duty--done",
    };
    let text = move || {
        let t = &i18n.t().incidents;
        match state() {
            DutyState::Open { remaining } => format!("{} {}", t.due_in, format_duration(remaining)),
            DutyState::Overdue { by } => format!("{} {}", t.overdue_by, format_duration(by)),
            DutyState::Done { late } => {
                let label = if late { t.received_late } else { t.received };
                format!(
                    "{label} {}",
                    format_clock(duty.received.unwrap_or_default())
                )
            }
        }
    };
    view! { <span class=class data-testid="duty-clock">{text}</span> }
}
