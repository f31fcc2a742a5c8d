use leptos::prelude::*;

use crate::alerts::level::WarningLevel;
use crate::i18n::use_i18n;

/// 红/橙/黄/蓝色预警 as a coloured label (colour and words: never colour alone).
#[component]
pub fn LevelBadge(level: Option<WarningLevel>) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("level level--{}", level.map_or("none", |l| l.key()));
    let text = move || level.map_or("—", |l| i18n.t().alerts.level_name(l));
    view! { <span class=class>{text}</span> }
}
