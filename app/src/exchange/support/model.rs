//! 跨区域支援: a request for resources to a neighbouring tier and its answer — the payloads that
//! travel, the forms that write them and the one set of checks both the form and a received
//! message pass.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::resources::ResourceKind;

pub const QUANTITY_MAX: u32 = 9999;
pub const PLACE_MAX: usize = 200;
pub const DETAIL_MAX: usize = 500;
pub const NOTE_MAX: usize = 2000;
/// The longest arrival estimate an answer may give: one week, in minutes.
pub const ETA_MAX: u32 = 7 * 24 * 60;

/// What is asked for: so many of one kind of resource, described.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub kind: ResourceKind,
    pub quantity: u32,
    /// e.g. 「危化品救援队，具备堵漏和洗消能力」.
    #[serde(default)]
    pub detail: String,
}

/// 支援请求, as it travels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRequest {
    pub need: Need,
    /// Where the support should report (集结地点).
    pub place: String,
    #[serde(default)]
    pub note: String,
    /// Who asked, as they are named at the requesting centre.
    pub requested_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Uuid>,
    /// The incident's title at the requester, so the receiver knows the situation even when no
    /// copy of the incident reached it.
    #[serde(default)]
    pub incident_title: String,
}

/// How a request is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 同意支援: all that was asked.
    Accept,
    /// 部分支援
    Partial,
    /// 无法支援
    Decline,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Accept, Answer::Partial, Answer::Decline];

    pub fn key(self) -> &'static str {
        match self {
            Answer::Accept => "accept",
            Answer::Partial => "partial",
            Answer::Decline => "decline",
        }
    }

    pub fn parse(key: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Whether something is on its way.
    pub fn sends(self) -> bool {
        self != Answer::Decline
    }
}

/// 支援答复, as it travels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportResponse {
    /// The request's message id.
    pub request: Uuid,
    pub answer: Answer,
    /// What is sent (accept, partial) or why not (decline).
    pub detail: String,
    /// Minutes until the support arrives, when something is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta_minutes: Option<u32>,
    pub responded_by: String,
}

/// What is wrong with a request or an answer, per field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SupportProblem {
    RecipientMissing,
    UnknownRecipient(String),
    KindMissing,
    QuantityInvalid,
    DetailTooLong,
    PlaceMissing,
    PlaceTooLong,
    NoteTooLong,
    UnknownIncident,
    AnswerMissing,
    AnswerDetailMissing,
    EtaInvalid,
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

impl SupportRequest {
    /// The rules a request meets, whether typed here or received from another node.
    pub fn check(&self) -> Result<(), Vec<SupportProblem>> {
        let mut problems = Vec::new();
        if !(1..=QUANTITY_MAX).contains(&self.need.quantity) {
            problems.push(SupportProblem::QuantityInvalid);
        }
        if too_long(&self.need.detail, DETAIL_MAX) {
            problems.push(SupportProblem::DetailTooLong);
        }
        if self.place.trim().is_empty() {
            problems.push(SupportProblem::PlaceMissing);
        } else if too_long(&self.place, PLACE_MAX) {
            problems.push(SupportProblem::PlaceTooLong);
        }
        if too_long(&self.note, NOTE_MAX) {
            problems.push(SupportProblem::NoteTooLong);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

impl SupportResponse {
    /// The rules an answer meets, whether typed here or received from another node.
    pub fn check(&self) -> Result<(), Vec<SupportProblem>> {
        let mut problems = Vec::new();
        if self.detail.trim().is_empty() {
            problems.push(SupportProblem::AnswerDetailMissing);
        } else if too_long(&self.detail, DETAIL_MAX) {
            problems.push(SupportProblem::DetailTooLong);
        }
        let eta_ok = match self.eta_minutes {
            None => true,
            Some(m) => self.answer.sends() && (1..=ETA_MAX).contains(&m),
        };
        if !eta_ok {
            problems.push(SupportProblem::EtaInvalid);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// Where a request may go: this node's parent, or one of its children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recipient {
    Parent(String),
    Child(String),
}

impl Recipient {
    pub fn node(&self) -> &str {
        match self {
            Recipient::Parent(n) | Recipient::Child(n) => n,
        }
    }
}

/// The request form as typed (fields left out read as empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportForm {
    /// A registered parent's or child's node id.
    pub to: String,
    pub kind: String,
    pub quantity: String,
    pub detail: String,
    pub place: String,
    pub note: String,
    /// An incident of this node, or empty.
    pub incident: String,
}

impl SupportForm {
    /// Reads the form against the registered neighbours: the recipient and the request, or
    /// every problem. The incident is checked by the caller, which holds the database.
    pub fn validate(
        &self,
        parent: Option<&str>,
        children: &[String],
        requested_by: &str,
    ) -> Result<(Recipient, SupportRequest), Vec<SupportProblem>> {
        let mut problems = Vec::new();
        let to = self.to.trim();
        let recipient = if to.is_empty() {
            problems.push(SupportProblem::RecipientMissing);
            None
        } else if parent == Some(to) {
            Some(Recipient::Parent(to.to_string()))
        } else if children.iter().any(|c| c == to) {
            Some(Recipient::Child(to.to_string()))
        } else {
            problems.push(SupportProblem::UnknownRecipient(to.to_string()));
            None
        };
        let kind = crate::resources::ResourceKind::parse(self.kind.trim());
        if kind.is_none() {
            problems.push(SupportProblem::KindMissing);
        }
        let quantity = self.quantity.trim().parse::<u32>().unwrap_or(0);
        let incident = match self.incident.trim() {
            "" => None,
            id => match Uuid::parse_str(id) {
                Ok(id) => Some(id),
                Err(_) => {
                    problems.push(SupportProblem::UnknownIncident);
                    None
                }
            },
        };
        let request = SupportRequest {
            need: Need {
                kind: kind.unwrap_or(ResourceKind::Team),
                quantity,
                detail: self.detail.trim().to_string(),
            },
            place: self.place.trim().to_string(),
            note: self.note.trim().to_string(),
            requested_by: requested_by.to_string(),
            incident,
            incident_title: String::new(),
        };
        if let Err(more) = request.check() {
            problems.extend(more);
        }
        match recipient {
            Some(recipient) if problems.is_empty() => Ok((recipient, request)),
            _ => Err(problems),
        }
    }
}

/// The answer form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResponseForm {
    pub request: String,
    pub answer: String,
    pub detail: String,
    pub eta_minutes: String,
}

impl ResponseForm {
    /// The request answered and the answer, or every problem. An estimate given with a
    /// refusal is dropped rather than refused: nothing is coming.
    pub fn validate(
        &self,
        responded_by: &str,
    ) -> Result<SupportResponse, (Option<Uuid>, Vec<SupportProblem>)> {
        let request = Uuid::parse_str(self.request.trim()).ok();
        let mut problems = Vec::new();
        let answer = Answer::parse(self.answer.trim());
        if answer.is_none() {
            problems.push(SupportProblem::AnswerMissing);
        }
        let answer = answer.unwrap_or(Answer::Decline);
        let eta = self.eta_minutes.trim();
        let eta_minutes = if eta.is_empty() || !answer.sends() {
            None
        } else {
            // An unreadable number is out of range: 0 is refused by the check.
            Some(eta.parse::<u32>().unwrap_or(0))
        };
        let response = SupportResponse {
            request: request.unwrap_or_default(),
            answer,
            detail: self.detail.trim().to_string(),
            eta_minutes,
            responded_by: responded_by.to_string(),
        };
        if let Err(more) = response.check() {
            problems.extend(more);
        }
        match request {
            Some(_) if problems.is_empty() => Ok(response),
            _ => Err((request, problems)),
        }
    }
}

/// An answer as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseView {
    pub node_name: String,
    pub answer: Answer,
    pub detail: String,
    pub eta_minutes: Option<u32>,
    pub responded_by: String,
    pub at: i64,
}

/// A request sent or received, with its answer once there is one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupportView {
    pub id: Uuid,
    pub outgoing: bool,
    pub from_name: String,
    pub to_name: String,
    pub request: SupportRequest,
    pub sent_at: i64,
    pub response: Option<ResponseView>,
}

/// The support panel: requests in both directions and what a new request can name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupportBoard {
    pub requests: Vec<SupportView>,
    /// The registered parent and children: whom a request can go to.
    pub neighbours: Vec<crate::exchange::PeerView>,
    /// This node's active incidents a request may refer to: (id, title).
    pub incidents: Vec<(Uuid, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(to: &str, kind: &str, quantity: &str, place: &str) -> SupportForm {
        SupportForm {
            to: to.into(),
            kind: kind.into(),
            quantity: quantity.into(),
            place: place.into(),
            ..SupportForm::default()
        }
    }

    const CHILDREN: &[&str] = &["ty", "dt"];

    fn children() -> Vec<String> {
        CHILDREN.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_request_goes_to_the_parent_or_a_registered_child_only() {
        let up = form("sx", "team", "2", " 小店区集结点 ")
            .validate(Some("sx"), &children(), "张值班")
            .unwrap();
        assert_eq!(up.0, Recipient::Parent("sx".into()));
        assert_eq!(up.1.place, "小店区集结点");
        assert_eq!(up.1.need.kind, ResourceKind::Team);
        let down = form("dt", "equipment", "1", "x")
            .validate(Some("sx"), &children(), "张值班")
            .unwrap();
        assert_eq!(down.0, Recipient::Child("dt".into()));
        let err = form("nat", "team", "1", "x")
            .validate(Some("sx"), &children(), "")
            .unwrap_err();
        assert_eq!(err, vec![SupportProblem::UnknownRecipient("nat".into())]);
    }

    #[test]
    fn every_problem_of_a_request_is_named() {
        let err = form("", "", "0", " ").validate(None, &[], "").unwrap_err();
        assert_eq!(
            err,
            vec![
                SupportProblem::RecipientMissing,
                SupportProblem::KindMissing,
                SupportProblem::QuantityInvalid,
                SupportProblem::PlaceMissing,
            ]
        );
        let mut f = form("ty", "team", "10000", &"长".repeat(PLACE_MAX + 1));
        f.incident = "not-a-uuid".into();
        let err = f.validate(None, &children(), "").unwrap_err();
        assert_eq!(
            err,
            vec![
                SupportProblem::UnknownIncident,
                SupportProblem::QuantityInvalid,
                SupportProblem::PlaceTooLong,
            ]
        );
    }

    #[test]
    fn an_answer_names_what_comes_and_drops_an_estimate_given_with_a_refusal() {
        let id = Uuid::now_v7();
        let answer = |answer: &str, detail: &str, eta: &str| ResponseForm {
            request: id.to_string(),
            answer: answer.into(),
            detail: detail.into(),
            eta_minutes: eta.into(),
        };
        let ok = answer("accept", "省危化救援队 1 支 25 人", "90")
            .validate("李处长")
            .unwrap();
        assert_eq!((ok.request, ok.eta_minutes), (id, Some(90)));
        let no = answer("decline", "本省队伍均在执行任务", "30")
            .validate("")
            .unwrap();
        assert_eq!(no.eta_minutes, None);
        let (_, problems) = answer("", " ", "x").validate("").unwrap_err();
        assert_eq!(
            problems,
            vec![
                SupportProblem::AnswerMissing,
                SupportProblem::AnswerDetailMissing
            ]
        );
        let (_, problems) = answer("partial", "1 台", "0").validate("").unwrap_err();
        assert_eq!(problems, vec![SupportProblem::EtaInvalid]);
    }

    #[test]
    fn a_received_request_or_answer_is_held_to_the_same_rules() {
        let request = SupportRequest {
            need: Need {
                kind: ResourceKind::Medical,
                quantity: 0,
                detail: String::new(),
            },
            place: String::new(),
            note: String::new(),
            requested_by: String::new(),
            incident: None,
            incident_title: String::new(),
        };
        assert_eq!(
            request.check().unwrap_err(),
            vec![
                SupportProblem::QuantityInvalid,
                SupportProblem::PlaceMissing
            ]
        );
        let response = SupportResponse {
            request: Uuid::nil(),
            answer: Answer::Decline,
            detail: "x".into(),
            eta_minutes: Some(10),
            responded_by: String::new(),
        };
        assert_eq!(
            response.check().unwrap_err(),
            vec![SupportProblem::EtaInvalid]
        );
    }
}
