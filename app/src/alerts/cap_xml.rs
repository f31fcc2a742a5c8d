//! ssr: one published version as a CAP 1.2 document. Element order, time format (numeric
//! offset, never "Z") and value spelling follow the OASIS schema, which the tests check every
//! document against.

use std::io;

use time::OffsetDateTime;
use time::macros::format_description;

use super::cap::{CAP_NAMESPACE, MsgType};
use super::model::{AlertContent, InfoText, circle_text, polygon_text};
use super::xml::{W, document, text};
use crate::ui::time::BEIJING;

/// The envelope of one version: who sent it, when, and which versions it follows.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    pub identifier: String,
    pub sender: String,
    pub sender_name: String,
    pub sent: i64,
    pub msg_type: MsgType,
    /// `sender,identifier,sent` of every earlier version, oldest first.
    pub references: Vec<String>,
    /// The public page of the alert.
    pub web: String,
}

/// A time as CAP 1.2 writes it: Beijing time with its numeric offset.
pub fn cap_time(unix: i64) -> String {
    let format = format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
    );
    OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(BEIJING)
        .format(&format)
        .unwrap_or_default()
}

/// The reference to this version in a later version's `references`.
pub fn reference(envelope: &Envelope) -> String {
    format!(
        "{},{},{}",
        envelope.sender,
        envelope.identifier,
        cap_time(envelope.sent)
    )
}

/// The CAP 1.2 XML of a version.
pub fn cap_xml(envelope: &Envelope, content: &AlertContent) -> String {
    document(|w| write_alert(w, envelope, content))
}

fn write_alert(w: &mut W, e: &Envelope, c: &AlertContent) -> io::Result<()> {
    w.create_element("alert")
        .with_attribute(("xmlns", CAP_NAMESPACE))
        .write_inner_content(|w| {
            text(w, "identifier", &e.identifier)?;
            text(w, "sender", &e.sender)?;
            text(w, "sent", &cap_time(e.sent))?;
            text(w, "status", c.status.cap())?;
            text(w, "msgType", e.msg_type.cap())?;
            text(w, "scope", c.scope.cap())?;
            if e.msg_type == MsgType::Cancel {
                text(w, "note", "撤销预警 / alert cancelled")?;
            }
            if !e.references.is_empty() {
                text(w, "references", &e.references.join(" "))?;
            }
            if let Some(id) = c.incident_id {
                text(w, "incidents", &id.to_string())?;
            }
            write_info(w, e, c, "zh-CN", &c.zh)?;
            if let Some(en) = &c.en {
                write_info(w, e, c, "en-US", en)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_info(
    w: &mut W,
    e: &Envelope,
    c: &AlertContent,
    lang: &str,
    t: &InfoText,
) -> io::Result<()> {
    let (severity, urgency) = c.level.cap();
    w.create_element("info").write_inner_content(|w| {
        text(w, "language", lang)?;
        text(w, "category", c.category.cap())?;
        text(w, "event", &t.event)?;
        text(w, "urgency", urgency.cap())?;
        text(w, "severity", severity.cap())?;
        text(w, "certainty", c.certainty.cap())?;
        if let Some(at) = c.effective {
            text(w, "effective", &cap_time(at))?;
        }
        if let Some(at) = c.onset {
            text(w, "onset", &cap_time(at))?;
        }
        text(w, "expires", &cap_time(c.expires))?;
        text(w, "senderName", &e.sender_name)?;
        text(w, "headline", &t.headline)?;
        text(w, "description", &t.description)?;
        text(w, "instruction", &t.instruction)?;
        let web = if c.web.is_empty() { &e.web } else { &c.web };
        if !web.is_empty() {
            text(w, "web", web)?;
        }
        if !c.contact.is_empty() {
            text(w, "contact", &c.contact)?;
        }
        w.create_element("parameter").write_inner_content(|w| {
            text(w, "valueName", "warningLevel")?;
            text(w, "value", c.level.key())
        })?;
        w.create_element("area").write_inner_content(|w| {
            text(w, "areaDesc", &t.area_desc)?;
            if !c.area.polygon.is_empty() {
                text(w, "polygon", &polygon_text(&c.area.polygon))?;
            }
            if let Some(circle) = &c.area.circle {
                text(w, "circle", &circle_text(circle))?;
            }
            for code in &c.area.geocodes {
                w.create_element("geocode").write_inner_content(|w| {
                    text(w, "valueName", "GB/T 2260")?;
                    text(w, "value", code)
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alerts::model::AlertForm;
    use crate::i18n::Locale;

    const NOW: i64 = 1_796_383_800;

    fn envelope() -> Envelope {
        Envelope {
            identifier: "0193a0b4-0000-7000-8000-000000000001".into(),
            sender: "urn:yingji:node:national".into(),
            sender_name: "国家安全生产应急救援指挥中心".into(),
            sent: NOW,
            msg_type: MsgType::Update,
            references: vec!["urn:yingji:node:national,a1,2026-12-04T18:00:00+08:00".into()],
            web: "https://example.invalid/public/alerts/1".into(),
        }
    }

    #[test]
    fn times_carry_a_numeric_offset() {
        assert_eq!(cap_time(NOW), "2026-12-04T19:30:00+08:00");
    }

    #[test]
    fn a_version_reads_as_cap() {
        let form = AlertForm {
            headline: "液氨泄漏 <紧急> & 撤离".into(),
            ..crate::alerts::model::tests::form()
        };
        let content = form.validate(NOW, Locale::ZhCn.texts()).unwrap();
        let xml = cap_xml(&envelope(), &content);
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            "{xml}"
        );
        assert!(xml.contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"));
        assert!(xml.contains("<msgType>Update</msgType>"));
        assert!(xml.contains("<severity>Severe</severity>"));
        assert!(xml.contains("<urgency>Immediate</urgency>"));
        assert!(xml.contains("<expires>2026-12-05T07:30:00+08:00</expires>"));
        assert!(xml.contains("液氨泄漏 &lt;紧急&gt; &amp; 撤离"), "{xml}");
        assert!(xml.contains("<polygon>37.800000,112.550000 37.800000,112.600000"));
        assert!(xml.contains(
            "<references>urn:yingji:node:national,a1,2026-12-04T18:00:00+08:00</references>"
        ));
        // Order the schema demands: identifier, sender, sent, status, msgType, scope.
        let at = |tag: &str| xml.find(tag).unwrap();
        assert!(at("<identifier>") < at("<sender>") && at("<sent>") < at("<status>"));
        assert!(at("<status>") < at("<msgType>") && at("<msgType>") < at("<scope>"));
        assert!(at("<scope>") < at("<references>") && at("<references>") < at("<info>"));
    }
}
