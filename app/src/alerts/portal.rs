//! ssr: the public warning portal's pages as complete HTML documents. No script, no hydration:
//! a citizen's phone on a poor link gets small, semantic pages that work with JavaScript off,
//! and every user-written text goes through Leptos' escaping.

use leptos::prelude::*;

use super::components::AlertBody;
use super::level::WarningLevel;
use super::service::ArchiveQuery;
use super::view::PublishedVersion;
use super::{PORTAL_PATH, cap::CAP_MIME, cap::MsgType, cap_path, portal_path};
use crate::i18n::Locale;
use crate::site::SiteInfo;
use crate::ui::time::format_minutes;

/// Paths of the portal's pages and feeds.
pub fn feed_path() -> String {
    format!("{PORTAL_PATH}/feed.atom")
}
pub fn map_path() -> String {
    format!("{PORTAL_PATH}/map")
}
pub fn archive_path() -> String {
    format!("{PORTAL_PATH}/archive")
}
pub fn css_path() -> String {
    format!("{PORTAL_PATH}/portal.css")
}

/// Everything a page needs besides its own content.
pub struct Frame<'a> {
    pub locale: Locale,
    pub site: &'a SiteInfo,
}

fn document(frame: &Frame, title: String, cap_link: Option<String>, main: AnyView) -> String {
    let t = &frame.locale.texts().alerts;
    let other = match frame.locale {
        Locale::ZhCn => Locale::En,
        Locale::En => Locale::ZhCn,
    };
    let demo = frame
        .site
        .demo
        .then(|| view! { <p class="demo" role="note">{t.demo_notice}</p> });
    let cap = cap_link
        .map(|href| view! { <link rel="alternate" type=CAP_MIME href=href title="CAP 1.2" /> });
    let page_title = format!("{title} · {}", t.portal_title);
    let html = view! {
        <html lang=frame.locale.tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width,initial-scale=1" />
                <title>{page_title}</title>
                <link rel="stylesheet" href=css_path() />
                <link rel="alternate" type="application/atom+xml" href=feed_path() title=t.feed />
                {cap}
            </head>
            <body>
                <header class="top">
                    <a class="top__name" href=PORTAL_PATH>{t.portal_title}</a>
                    <nav aria-label=t.portal_title>
                        <a href=PORTAL_PATH>{t.home}</a>
                        <a href=map_path()>{t.map}</a>
                        <a href=archive_path()>{t.archive}</a>
                        <a href=feed_path()>{t.feed}</a>
                        <a href=format!("/lang/{}", other.tag()) lang=other.tag() hreflang=other.tag()>{other.endonym()}</a>
                    </nav>
                </header>
                {demo}
                <main id="main">{main}</main>
                <footer>
                    <p>{t.issued_by}"："{frame.site.node.name.clone()}</p>
                </footer>
            </body>
        </html>
    };
    format!("<!DOCTYPE html>{}", html.to_html())
}

/// A version as a line of a list: colour, headline, where, until when.
#[component]
fn AlertCard(version: PublishedVersion, locale: Locale) -> impl IntoView {
    let t = &locale.texts().alerts;
    let info = version.content.info(locale == Locale::En).clone();
    let level = version.content.level;
    let cancelled = (version.msg_type == MsgType::Cancel)
        .then(|| view! { <span class="tag">{t.msg_type_name(MsgType::Cancel)}</span> });
    view! {
        <li class=format!("card card--{}", level.key())>
            <a class="card__headline" href=portal_path(version.alert_id)>{info.headline}</a>
            <p class="card__meta">
                <span class=format!("level level--{}", level.key())>{t.level_name(level)}</span>" "{cancelled}
                {info.event}" · "{info.area_desc}
            </p>
            <p class="card__meta">
                {t.sent}" "<time>{format_minutes(version.sent)}</time>" · "
                {t.valid_until}" "<time>{format_minutes(version.content.expires)}</time>
            </p>
        </li>
    }
}

/// Home: the warnings in force, counted by level and grouped by province.
pub fn home(frame: &Frame, active: Vec<PublishedVersion>) -> String {
    let locale = frame.locale;
    let t = &locale.texts().alerts;
    let counts = WarningLevel::ALL
        .into_iter()
        .map(|l| {
            let n = active.iter().filter(|v| v.content.level == l).count();
            view! { <li class=format!("count level--{}", l.key())>{t.level_name(l)}" "<strong>{n}</strong></li> }
        })
        .collect_view();
    let mut groups: Vec<(String, Vec<PublishedVersion>)> = Vec::new();
    for v in active {
        let province = province_name(&v.content.region_code(), locale);
        match groups.iter_mut().find(|(name, _)| *name == province) {
            Some((_, list)) => list.push(v),
            None => groups.push((province, vec![v])),
        }
    }
    let body = if groups.is_empty() {
        view! { <p class="empty">{t.none_active}</p> }.into_any()
    } else {
        groups
            .into_iter()
            .map(|(name, list)| {
                let cards = list
                    .into_iter()
                    .map(|version| view! { <AlertCard version locale /> })
                    .collect_view();
                view! {
                    <section>
                        <h2>{name}</h2>
                        <ul class="cards">{cards}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    let main = view! {
        <h1>{t.active}</h1>
        <ul class="counts" aria-label=t.level>{counts}</ul>
        {body}
    };
    document(frame, t.active.to_string(), None, main.into_any())
}

fn province_name(code: &str, locale: Locale) -> String {
    let province = code
        .get(..2)
        .map(|p| format!("{p}0000"))
        .unwrap_or_default();
    match crate::reference::region(&province) {
        Some(r) => r.name.to_string(),
        None if locale == Locale::En => "National".into(),
        None => "全国".into(),
    }
}

/// One alert: its latest public version in full, and every version with its CAP document.
/// `versions` is newest first and not empty.
pub fn alert(frame: &Frame, versions: Vec<PublishedVersion>, now: i64) -> String {
    let locale = frame.locale;
    let t = &locale.texts().alerts;
    let Some(latest) = versions.first().cloned() else {
        return not_found(frame);
    };
    let banner = if latest.msg_type == MsgType::Cancel {
        Some(view! { <p class="banner banner--cancelled" role="alert">{t.cancelled_banner}</p> })
    } else if latest.content.expires <= now {
        Some(view! { <p class="banner" role="status">{t.expired_banner}</p> })
    } else {
        None
    };
    let list = versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let superseded = (i > 0).then_some(t.superseded);
            view! {
                <li>
                    <time>{format_minutes(v.sent)}</time>" · "{t.msg_type_name(v.msg_type)}" "{superseded}" · "
                    <a href=cap_path(v.id) type=CAP_MIME>{t.cap_file}</a>
                </li>
            }
        })
        .collect_view();
    let title = latest.content.info(locale == Locale::En).headline.clone();
    let main = view! {
        {banner}
        <AlertBody content=latest.content.clone() locale main=true />
        <p class="card__meta">
            {t.sent}" "<time>{format_minutes(latest.sent)}</time>
            {latest.origin.clone().map(|node| view! { " · "{t.published_by}" "{node} })}
        </p>
        <section>
            <h2>{t.versions}</h2>
            <ol class="versions" reversed>{list}</ol>
        </section>
    };
    document(frame, title, Some(cap_path(latest.id)), main.into_any())
}

pub fn not_found(frame: &Frame) -> String {
    let t = &frame.locale.texts().alerts;
    let main = view! {
        <h1>{t.not_found}</h1>
        <p><a href=PORTAL_PATH>{t.home}</a></p>
    };
    document(frame, t.not_found.to_string(), None, main.into_any())
}

/// The archive: a search form that works as a plain GET, and one page of results.
pub fn archive(
    frame: &Frame,
    q: &ArchiveQuery,
    found: Vec<PublishedVersion>,
    total: u64,
) -> String {
    let locale = frame.locale;
    let t = &locale.texts().alerts;
    let options = WarningLevel::ALL
        .into_iter()
        .map(|l| view! { <option value=l.key() selected=q.level == Some(l)>{t.level_name(l)}</option> })
        .collect_view();
    let cards = found
        .into_iter()
        .map(|version| view! { <AlertCard version locale /> })
        .collect_view();
    let link = |page: u64| {
        let mut query = vec![format!("page={page}")];
        if !q.text.is_empty() {
            query.push(format!("q={}", crate::ui::url::encode(&q.text, b"")));
        }
        if let Some(l) = q.level {
            query.push(format!("level={}", l.key()));
        }
        if !q.region.is_empty() {
            query.push(format!("region={}", q.region));
        }
        format!("{}?{}", archive_path(), query.join("&"))
    };
    let pages = super::service::ARCHIVE_PAGE;
    let previous =
        (q.page > 0).then(|| view! { <a rel="prev" href=link(q.page - 1)>{t.previous}</a> });
    let next = ((q.page + 1) * pages < total)
        .then(|| view! { <a rel="next" href=link(q.page + 1)>{t.next}</a> });
    let main = view! {
        <h1>{t.archive}</h1>
        <form class="search" method="get" action=archive_path() role="search">
            <label>{t.search_text}<input type="search" name="q" value=q.text.clone() /></label>
            <label>{t.level}<select name="level"><option value="">{t.all_levels}</option>{options}</select></label>
            <label>{t.region_prefix}<input name="region" value=q.region.clone() inputmode="numeric" pattern="[0-9]{0,6}" /></label>
            <button type="submit">{t.search}</button>
        </form>
        <p class="muted" role="status">{t.results.replace("{n}", &total.to_string())}</p>
        <ul class="cards">{cards}</ul>
        <nav class="pager">{previous}" "{next}</nav>
    };
    document(frame, t.archive.to_string(), None, main.into_any())
}

/// The map: the areas of warnings in force drawn over the province outlines (an SVG image of
/// its own, cached), each shape a link to its alert.
pub fn map(frame: &Frame, active: Vec<PublishedVersion>) -> String {
    let locale = frame.locale;
    let t = &locale.texts().alerts;
    let shapes = active
        .iter()
        .map(|v| {
            let info = v.content.info(locale == Locale::En);
            let label = format!("{} · {}", t.level_name(v.content.level), info.headline);
            let colour = v.content.level.colour();
            let drawn = super::map_svg::shapes(&v.content)
                .into_iter()
                .map(|shape| match shape {
                    super::map_svg::Shape::Area(points) => view! { <polygon points=points fill=colour fill-opacity="0.45" stroke=colour stroke-width="1" /> }.into_any(),
                    super::map_svg::Shape::Dot(x, y) => view! { <circle cx=x cy=y r="5" fill=colour stroke="#fff" stroke-width="1" /> }.into_any(),
                })
                .collect_view();
            view! { <a href=portal_path(v.alert_id)><title>{label}</title>{drawn}</a> }
        })
        .collect_view();
    let (w, h) = super::map_svg::SIZE;
    let list = active
        .into_iter()
        .map(|version| view! { <AlertCard version locale /> })
        .collect_view();
    let main = view! {
        <h1>{t.map}</h1>
        <p class="muted">{t.map_hint}</p>
        <svg class="map" viewBox=format!("0 0 {w} {h}") role="img" aria-label=t.map>
            <image href=super::map_svg::BASEMAP_PATH width=w height=h />
            {shapes}
        </svg>
        <ul class="cards">{list}</ul>
    };
    document(frame, t.map.to_string(), None, main.into_any())
}
