//! What the exchange page shows and sends: links, peers, backlog, refusals, directives.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::site::NodeTier;

/// How a registered node stands to this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Parent,
    Child,
    /// A node further up or down whose messages reach us through a relaying tier.
    Other,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Parent, Relation::Child, Relation::Other];

    pub fn key(self) -> &'static str {
        match self {
            Relation::Parent => "parent",
            Relation::Child => "child",
            Relation::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// The transport as the relay and the receivers last saw it; written by the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkState {
    /// A NATS server and a node key are configured.
    pub configured: bool,
    /// Connected to this node's own nats-server.
    pub connected: bool,
    /// The last transport error, if the link is failing.
    pub error: Option<String>,
}

/// The shared, updatable [`LinkState`] (the server's exchange writes it, pages read it).
#[derive(Clone, Debug, Default)]
pub struct LinkBoard(std::sync::Arc<std::sync::RwLock<LinkState>>);

impl LinkBoard {
    pub fn get(&self) -> LinkState {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn set(&self, state: LinkState) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = state;
    }

    pub fn update(&self, change: impl FnOnce(&mut LinkState)) {
        change(&mut self.0.write().unwrap_or_else(|e| e.into_inner()));
    }
}

/// A registered node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeerView {
    pub node_id: String,
    pub name: String,
    pub tier: NodeTier,
    pub region_code: String,
    pub relation: Relation,
    pub last_received: Option<i64>,
    pub last_receipt: Option<i64>,
}

/// A message this node refused or keeps for a later version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    pub at: i64,
    pub sender: String,
    pub kind: String,
    pub deferred: bool,
    pub reason: String,
}

/// The exchange page: this node's links and what is waiting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExchangeStatus {
    pub link: LinkState,
    pub peers: Vec<PeerView>,
    /// Messages written but not yet acknowledged by the local JetStream, by direction.
    pub backlog_up: u64,
    pub backlog_down: u64,
    pub oldest_pending: Option<i64>,
    pub rejected: u64,
    pub deferred: u64,
    /// The latest refusals, newest first.
    pub refusals: Vec<Refusal>,
}

/// A directive as the page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectiveView {
    pub id: Uuid,
    pub outgoing: bool,
    pub from_name: String,
    pub issued_by: String,
    pub title: String,
    pub body: String,
    pub sent_at: i64,
    pub received_at: Option<i64>,
    /// Names of the addressees (empty = every node below).
    pub recipients: Vec<String>,
    /// For our own directives: who has signed for it, and when.
    pub receipts: Vec<(String, i64)>,
}

/// A directive being written (fields left out of a submitted form read as empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectiveForm {
    pub title: String,
    pub body: String,
    /// Node ids of registered children; empty = every node below.
    pub recipients: Vec<String>,
}

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 5000;

/// What is wrong with a directive, per field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectiveProblem {
    TitleMissing,
    TitleTooLong,
    BodyMissing,
    BodyTooLong,
    UnknownRecipient(String),
}

impl DirectiveForm {
    /// Checks the form against the registered children; the trimmed form if it is sound.
    pub fn validate(&self, children: &[String]) -> Result<DirectiveForm, Vec<DirectiveProblem>> {
        let title = self.title.trim().to_string();
        let body = self.body.trim().to_string();
        let mut problems = Vec::new();
        if title.is_empty() {
            problems.push(DirectiveProblem::TitleMissing);
        } else if title.chars().count() > TITLE_MAX {
            problems.push(DirectiveProblem::TitleTooLong);
        }
        if body.is_empty() {
            problems.push(DirectiveProblem::BodyMissing);
        } else if body.chars().count() > BODY_MAX {
            problems.push(DirectiveProblem::BodyTooLong);
        }
        let mut recipients = Vec::new();
        for r in &self.recipients {
            if !children.contains(r) {
                problems.push(DirectiveProblem::UnknownRecipient(r.clone()));
            } else if !recipients.contains(r) {
                recipients.push(r.clone());
            }
        }
        if problems.is_empty() {
            Ok(DirectiveForm {
                title,
                body,
                recipients,
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(title: &str, body: &str, to: &[&str]) -> DirectiveForm {
        DirectiveForm {
            title: title.into(),
            body: body.into(),
            recipients: to.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_sound_directive_is_trimmed_and_its_recipients_deduplicated() {
        let children = vec!["city-a".to_string(), "city-b".to_string()];
        let ok = form(" 加强值守 ", "节日期间24小时值班", &["city-a", "city-a"])
            .validate(&children)
            .unwrap();
        assert_eq!(ok.title, "加强值守");
        assert_eq!(ok.recipients, vec!["city-a".to_string()]);
    }

    #[test]
    fn every_problem_is_named() {
        let children = vec!["city-a".to_string()];
        let problems = form("  ", "", &["city-x"]).validate(&children).unwrap_err();
        assert_eq!(
            problems,
            vec![
                DirectiveProblem::TitleMissing,
                DirectiveProblem::BodyMissing,
                DirectiveProblem::UnknownRecipient("city-x".into()),
            ]
        );
        let long = "长".repeat(TITLE_MAX + 1);
        let problems = form(&long, "x", &[]).validate(&children).unwrap_err();
        assert_eq!(problems, vec![DirectiveProblem::TitleTooLong]);
    }
}
