//! The typed payloads of schema version 1. A change that older nodes could not read gets a new
//! schema version and a reader for the old one here.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::envelope::{Envelope, EnvelopeError, Kind};
use super::support::{SupportRequest, SupportResponse};
use crate::alerts::publication::AlertPublication;
use crate::cameras::CameraKind;
use crate::incidents::{Grade, IncidentFacts, IncidentSource, IncidentStatus};
use crate::site::NodeTier;

/// 事故报告: the whole record as its origin (the envelope's sender) holds it after this version,
/// so a tier that first hears of the accident at a follow-up (after a re-grade) still gets
/// everything.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentReport {
    pub incident: Uuid,
    /// The record's version at the origin: 1 is the first report (初报), higher are 续报.
    pub version: u32,
    pub facts: IncidentFacts,
    pub grade: Grade,
    pub status: IncidentStatus,
    pub source: IncidentSource,
    /// The tier that first recorded the accident and when: the reporting clock starts there.
    pub entered_tier: NodeTier,
    pub entered_at: i64,
    /// The note of a 续报.
    #[serde(default)]
    pub note: String,
    /// 现场视频: the scene's cameras as the origin has them registered; the tiers above watch
    /// them through the origin. Older nodes ignore the field, and a report without it has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scene_video: Vec<SceneCamera>,
}

/// A camera of the scene at the report's origin, which pulls it and forwards its video to the
/// tiers above on request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SceneCamera {
    pub camera: Uuid,
    pub name: String,
    pub kind: CameraKind,
}

/// What a receipt acknowledges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Acknowledged {
    /// A report of an incident (any version: the first receipt counts).
    Report {
        incident: Uuid,
        version: u32,
    },
    Directive {
        directive: Uuid,
    },
}

/// 签收: the sender received a message at `at` (its tier is the one registered for it, not
/// one the message claims).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub of: Acknowledged,
    pub at: i64,
}

/// 指令/通知 sent down the tiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    pub title: String,
    pub body: String,
    /// Who signed it off at the sending centre, as they are named there.
    pub issued_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Uuid>,
}

/// A readable message's payload.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    Report(Box<IncidentReport>),
    Receipt(Receipt),
    Directive(Directive),
    SupportRequest(SupportRequest),
    SupportResponse(SupportResponse),
    Alert(Box<AlertPublication>),
}

impl Payload {
    pub fn kind(&self) -> Kind {
        match self {
            Payload::Report(_) => Kind::Report,
            Payload::Receipt(_) => Kind::Receipt,
            Payload::Directive(_) => Kind::Directive,
            Payload::SupportRequest(_) => Kind::SupportRequest,
            Payload::SupportResponse(_) => Kind::SupportResponse,
            Payload::Alert(_) => Kind::Alert,
        }
    }

    pub fn to_value(&self) -> serde_json::Value {
        let value = match self {
            Payload::Report(r) => serde_json::to_value(r),
            Payload::Receipt(r) => serde_json::to_value(r),
            Payload::Directive(d) => serde_json::to_value(d),
            Payload::SupportRequest(r) => serde_json::to_value(r),
            Payload::SupportResponse(r) => serde_json::to_value(r),
            Payload::Alert(a) => serde_json::to_value(a),
        };
        value.unwrap_or_default()
    }

    /// Decodes the payload of a readable envelope.
    pub fn of(envelope: &Envelope) -> Result<Payload, EnvelopeError> {
        let kind = envelope.readable_kind()?;
        let value = envelope.payload.clone();
        let invalid = |e: serde_json::Error| EnvelopeError::Payload {
            kind: kind.key(),
            reason: e.to_string(),
        };
        // Every schema version so far (1) shares these types.
        Ok(match kind {
            Kind::Report => {
                Payload::Report(Box::new(serde_json::from_value(value).map_err(invalid)?))
            }
            Kind::Receipt => Payload::Receipt(serde_json::from_value(value).map_err(invalid)?),
            Kind::Directive => Payload::Directive(serde_json::from_value(value).map_err(invalid)?),
            Kind::SupportRequest => {
                Payload::SupportRequest(serde_json::from_value(value).map_err(invalid)?)
            }
            Kind::SupportResponse => {
                Payload::SupportResponse(serde_json::from_value(value).map_err(invalid)?)
            }
            Kind::Alert => {
                Payload::Alert(Box::new(serde_json::from_value(value).map_err(invalid)?))
            }
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::exchange::Scope;
    use crate::incidents::Casualties;

    pub(crate) fn report(version: u32, deaths: u32) -> IncidentReport {
        let facts = IncidentFacts {
            title: "某化工厂爆炸".into(),
            accident_type: 18,
            industry: "hazchem".into(),
            occurred_at: 1_796_383_800,
            lon: 112.55,
            lat: 37.87,
            region_code: "140105".into(),
            address: "太原市小店区".into(),
            enterprise: "某化工有限公司".into(),
            casualties: Casualties {
                deaths,
                ..Casualties::default()
            },
            direct_loss_cny: 0,
            hazmat: String::new(),
            description: String::new(),
        };
        IncidentReport {
            incident: Uuid::now_v7(),
            version,
            grade: facts.grade(),
            facts,
            status: IncidentStatus::Received,
            source: IncidentSource::Phone,
            entered_tier: NodeTier::City,
            entered_at: 1_796_384_000,
            note: String::new(),
            scene_video: Vec::new(),
        }
    }

    #[test]
    fn a_report_travels_and_reads_back() {
        let r = report(1, 12);
        let payload = Payload::Report(Box::new(r.clone()));
        let e = Envelope::new(
            "city-taiyuan",
            payload.kind(),
            Scope::Up,
            Some(r.incident),
            payload.to_value(),
            0,
        );
        let read = Envelope::from_bytes(&e.to_bytes()).unwrap();
        assert_eq!(Payload::of(&read).unwrap(), payload);
    }

    #[test]
    fn scene_video_travels_and_a_report_without_it_reads_as_none() {
        let mut r = report(2, 3);
        r.scene_video = vec![SceneCamera {
            camera: Uuid::now_v7(),
            name: "无人机1号".into(),
            kind: CameraKind::Drone,
        }];
        let value = Payload::Report(Box::new(r.clone())).to_value();
        assert_eq!(value["scene_video"][0]["kind"], "drone");
        let back: IncidentReport = serde_json::from_value(value).unwrap();
        assert_eq!(back, r);

        // A report written before the field existed (or by a node that has no cameras).
        let mut older = Payload::Report(Box::new(report(1, 3))).to_value();
        assert!(
            older.get("scene_video").is_none(),
            "an empty list is not written"
        );
        older.as_object_mut().unwrap().remove("scene_video");
        let read: IncidentReport = serde_json::from_value(older).unwrap();
        assert!(read.scene_video.is_empty());
    }

    #[test]
    fn a_payload_that_does_not_fit_its_kind_is_refused_with_the_reason() {
        let e = Envelope::new(
            "x",
            Kind::Receipt,
            Scope::Up,
            None,
            serde_json::json!({ "title": "t" }),
            0,
        );
        let err = Payload::of(&e).unwrap_err();
        assert!(matches!(
            err,
            EnvelopeError::Payload {
                kind: "receipt",
                ..
            }
        ));
        assert!(!err.is_for_later());
    }
}
