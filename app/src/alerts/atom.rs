//! ssr: the Atom index of published versions (RFC 4287), each entry linking its CAP document —
//! the way warning feeds are commonly aggregated.

use std::io;

use super::cap_xml::cap_time;
use super::service::Publisher;
use super::view::PublishedVersion;
use super::xml::{W, document, text};
use super::{PORTAL_PATH, cap::CAP_MIME, cap_path, portal::feed_path, portal_path};

const ATOM_NAMESPACE: &str = "http://www.w3.org/2005/Atom";

/// The feed of `versions` (newest first), in Chinese. Times as CAP writes them, which is also
/// RFC 3339.
pub fn feed(publisher: &Publisher, versions: &[PublishedVersion]) -> String {
    document(|w| write_feed(w, publisher, versions))
}

fn link(w: &mut W, rel: &str, kind: &str, href: &str) -> io::Result<()> {
    w.create_element("link")
        .with_attributes([("rel", rel), ("type", kind), ("href", href)])
        .write_empty()?;
    Ok(())
}

fn write_feed(w: &mut W, p: &Publisher, versions: &[PublishedVersion]) -> io::Result<()> {
    let base = &p.public_base;
    let t = &crate::i18n::Locale::ZhCn.texts().alerts;
    w.create_element("feed")
        .with_attributes([("xmlns", ATOM_NAMESPACE), ("xml:lang", "zh-CN")])
        .write_inner_content(|w| {
            text(w, "id", &format!("{}:alerts", p.sender()))?;
            text(w, "title", &format!("{} · {}", t.portal_title, p.node_name))?;
            let updated = versions.first().map_or(0, |v| v.sent);
            text(w, "updated", &cap_time(updated))?;
            w.create_element("author")
                .write_inner_content(|w| text(w, "name", &p.node_name))?;
            link(
                w,
                "self",
                "application/atom+xml",
                &format!("{base}{}", feed_path()),
            )?;
            link(w, "alternate", "text/html", &format!("{base}{PORTAL_PATH}"))?;
            for v in versions {
                write_entry(w, p, v)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_entry(w: &mut W, p: &Publisher, v: &PublishedVersion) -> io::Result<()> {
    let base = &p.public_base;
    let t = &crate::i18n::Locale::ZhCn.texts().alerts;
    let c = &v.content;
    w.create_element("entry").write_inner_content(|w| {
        text(w, "id", &format!("urn:uuid:{}", v.id))?;
        let kind = t.msg_type_name(v.msg_type);
        text(
            w,
            "title",
            &format!("【{}·{kind}】{}", t.level_name(c.level), c.zh.headline),
        )?;
        text(w, "updated", &cap_time(v.sent))?;
        text(w, "published", &cap_time(v.sent))?;
        text(w, "summary", &c.zh.instruction)?;
        w.create_element("category")
            .with_attribute(("term", c.level.key()))
            .write_empty()?;
        link(
            w,
            "alternate",
            CAP_MIME,
            &format!("{base}{}", cap_path(v.id)),
        )?;
        link(
            w,
            "related",
            "text/html",
            &format!("{base}{}", portal_path(v.alert_id)),
        )?;
        Ok(())
    })?;
    Ok(())
}
