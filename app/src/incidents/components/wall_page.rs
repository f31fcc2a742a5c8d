//! 大屏: the video-wall view. No interaction, readable from across the hall: Beijing time,
//! today's counts, the map of active incidents and the list in working order, all live; under
//! the map, the scene video when the jurisdiction has cameras.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;

use super::badges::{DutyClock, GradeBadge};
use super::board_table::place_name;
use super::live_board::{LiveStatus, use_live_board};
use crate::i18n::use_i18n;
use crate::incidents::Board;
use crate::ui::clock::use_now;
use crate::ui::time::{format_clock, format_minutes};

#[component]
pub fn WallPage() -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now();
    let (loaded, changes) = use_live_board(RwSignal::new(0));
    let container = NodeRef::<Div>::new();
    let board = move || {
        let loaded: Board = loaded.get()?.ok()?;
        Some(changes.with(|c| loaded.with_changes(c, now.get_untracked())))
    };
    #[cfg(feature = "hydrate")]
    {
        use crate::map::leaflet_map::MapHandle;
        let map = StoredValue::new_local(None::<(MapHandle, crate::map::IncidentLayer)>);
        Effect::new(move |_| {
            let Some(el) = container.get() else { return };
            if map.with_value(Option::is_none) {
                let tiles = crate::site::site_info().and_then(|info| info.tiles);
                map.set_value(MapHandle::mount(&el, &[], tiles, i18n.locale_untracked()));
            }
            if let Some(board) = board() {
                map.with_value(|m| {
                    if let Some((_, layer)) = m {
                        layer.sync(&board.incidents);
                    }
                });
            }
        });
        on_cleanup(move || map.set_value(None));
    }
    let panel = move || {
        let board = board()?;
        let t = &i18n.t().incidents;
        let counts = board.counts(now.get());
        let list = board.ordered(now.get_untracked() / 60 * 60);
        Some(view! {
            <dl class="wall__counts">
                <div><dt>{t.count_active}</dt><dd data-testid="wall-active">{counts.active}</dd></div>
                <div><dt>{t.count_received_today}</dt><dd>{counts.received_today}</dd></div>
                <div><dt>{t.count_deaths_today}</dt><dd>{counts.deaths_today}</dd></div>
                <div class:wall__alarm={counts.overdue > 0}><dt>{t.count_overdue}</dt><dd>{counts.overdue}</dd></div>
            </dl>
            <ol class="wall__list" data-testid="wall-list">
                {list.into_iter().take(12).map(|i| {
                    let next = i.next_duty().copied();
                    view! {
                        <li class="wall__item">
                            <GradeBadge grade=i.grade />
                            <span class="wall__title">{i.title.clone()}</span>
                            <span class="wall__meta">
                                {place_name(&i.region_code)} " · " {format_minutes(i.occurred_at)}
                                " · " {t.deaths} " " {i.casualties.deaths}
                            </span>
                            {next.map(|duty| view! {
                                <span class="wall__duty">{t.report_to} " " {i18n.t().tier(duty.to)} " " <DutyClock duty /></span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        })
    };
    view! {
        <Title text=move || i18n.t().incidents.wall_title />
        <div class="wall" data-testid="wall">
            <header class="wall__bar">
                <h1>{move || i18n.t().incidents.wall_title}</h1>
                <LiveStatus />
                <time class="wall__clock" data-testid="wall-clock">{move || format_clock(now.get())}</time>
            </header>
            <div class="wall__map map" node_ref=container aria-hidden="true"></div>
            <crate::cameras::WallCameras />
            <aside class="wall__panel">
                <Transition fallback=|| ()>{panel}</Transition>
            </aside>
        </div>
    }
}
