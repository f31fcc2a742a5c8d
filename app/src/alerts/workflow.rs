//! The life of an alert: draft → pending approval → published → updated / cancelled / expired,
//! with the two-person rule (who submits may not approve). Pure: the server applies these rules
//! inside the transaction that stores the result, the browser uses them to offer only the
//! buttons that will work.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cap::MsgType;

/// Work on a new version, before it is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Draft,
    Pending,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Pending => "pending",
        }
    }

    pub fn parse(key: &str) -> Option<Stage> {
        [Stage::Draft, Stage::Pending]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// The version being prepared: its CAP message type, where it stands and who answers for it
/// (the last to edit or submit it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    pub kind: MsgType,
    pub stage: Stage,
    pub author: Uuid,
}

/// What an alert is now, as the workflow sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub work: Option<Work>,
    /// The message type of the last published version, if any.
    pub last_published: Option<MsgType>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Write or rewrite the draft's content.
    Edit,
    Submit,
    Approve,
    /// Send a pending version back to its draft (by anyone who may approve, or its author).
    Return,
    /// Start an update of the published alert.
    Update,
    /// Ask for the published alert to be cancelled.
    Cancel,
}

impl Action {
    pub fn key(self) -> &'static str {
        match self {
            Action::Edit => "edit",
            Action::Submit => "submit",
            Action::Approve => "approve",
            Action::Return => "return",
            Action::Update => "update",
            Action::Cancel => "cancel",
        }
    }

    pub const ALL: [Action; 6] = [
        Action::Edit,
        Action::Submit,
        Action::Approve,
        Action::Return,
        Action::Update,
        Action::Cancel,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WorkflowError {
    #[error("not a draft")]
    NotDraft,
    #[error("not waiting for approval")]
    NotPending,
    #[error("the author cannot approve their own alert")]
    OwnAlert,
    #[error("another version is being prepared")]
    WorkInProgress,
    #[error("nothing is published")]
    NotPublished,
    #[error("already cancelled")]
    Cancelled,
}

/// What applying an action leaves behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The thread's work becomes this.
    Work(Work),
    /// A version of this type is published and the work ends.
    Publish(MsgType),
}

impl Thread {
    /// A new alert, drafted by `author`.
    pub fn new(author: Uuid) -> Thread {
        Thread {
            work: Some(Work {
                kind: MsgType::Alert,
                stage: Stage::Draft,
                author,
            }),
            last_published: None,
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.last_published == Some(MsgType::Cancel)
    }

    /// Whether `actor` may take `action` now (roles and jurisdiction are checked elsewhere).
    pub fn apply(&self, action: Action, actor: Uuid) -> Result<Outcome, WorkflowError> {
        let work = self.work;
        let stage = work.map(|w| w.stage);
        let with = |kind, stage| {
            Ok(Outcome::Work(Work {
                kind,
                stage,
                author: actor,
            }))
        };
        match action {
            Action::Edit | Action::Submit => {
                let w = work.filter(|_| stage == Some(Stage::Draft));
                let w = w.ok_or(WorkflowError::NotDraft)?;
                let next = if action == Action::Edit {
                    Stage::Draft
                } else {
                    Stage::Pending
                };
                with(w.kind, next)
            }
            Action::Approve => {
                let w = work.filter(|_| stage == Some(Stage::Pending));
                let w = w.ok_or(WorkflowError::NotPending)?;
                if w.author == actor {
                    Err(WorkflowError::OwnAlert)
                } else {
                    Ok(Outcome::Publish(w.kind))
                }
            }
            Action::Return => {
                let w = work.filter(|_| stage == Some(Stage::Pending));
                let w = w.ok_or(WorkflowError::NotPending)?;
                // A cancellation has nothing to edit: returning it withdraws it.
                Ok(Outcome::Work(Work {
                    stage: Stage::Draft,
                    ..w
                }))
            }
            Action::Update | Action::Cancel => {
                if self.is_cancelled() {
                    Err(WorkflowError::Cancelled)
                } else if self.last_published.is_none() {
                    Err(WorkflowError::NotPublished)
                } else if work
                    .is_some_and(|w| !(w.kind == MsgType::Cancel && w.stage == Stage::Draft))
                {
                    Err(WorkflowError::WorkInProgress)
                } else if action == Action::Update {
                    with(MsgType::Update, Stage::Draft)
                } else {
                    with(MsgType::Cancel, Stage::Pending)
                }
            }
        }
    }

    /// The actions `actor` could take now, for the buttons a page shows.
    pub fn actions(&self, actor: Uuid) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| self.apply(*a, actor).is_ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: Uuid = Uuid::from_u128(1);
    const BO: Uuid = Uuid::from_u128(2);

    fn after(thread: Thread, outcome: Outcome) -> Thread {
        match outcome {
            Outcome::Work(w) => Thread {
                work: Some(w),
                ..thread
            },
            Outcome::Publish(kind) => Thread {
                work: None,
                last_published: Some(kind),
            },
        }
    }

    fn step(thread: Thread, action: Action, actor: Uuid) -> Thread {
        after(thread, thread.apply(action, actor).unwrap())
    }

    #[test]
    fn an_alert_is_published_by_a_second_person() {
        let t = step(Thread::new(ANN), Action::Submit, ANN);
        assert_eq!(t.apply(Action::Approve, ANN), Err(WorkflowError::OwnAlert));
        let t = step(t, Action::Approve, BO);
        assert_eq!(t.last_published, Some(MsgType::Alert));
        assert_eq!(t.work, None);
    }

    #[test]
    fn whoever_submits_answers_for_the_version() {
        // Bo edits Ann's draft and submits it: now Ann may approve, Bo may not.
        let t = step(Thread::new(ANN), Action::Edit, BO);
        let t = step(t, Action::Submit, BO);
        assert_eq!(t.apply(Action::Approve, BO), Err(WorkflowError::OwnAlert));
        assert!(t.apply(Action::Approve, ANN).is_ok());
    }

    #[test]
    fn updates_and_cancellations_follow_the_same_rule() {
        let published = step(
            step(Thread::new(ANN), Action::Submit, ANN),
            Action::Approve,
            BO,
        );
        let update = step(published, Action::Update, ANN);
        assert_eq!(
            update.apply(Action::Cancel, BO),
            Err(WorkflowError::WorkInProgress)
        );
        let update = step(step(update, Action::Submit, ANN), Action::Approve, BO);
        assert_eq!(update.last_published, Some(MsgType::Update));

        let cancel = step(update, Action::Cancel, BO);
        assert_eq!(cancel.work.map(|w| w.stage), Some(Stage::Pending));
        assert_eq!(
            cancel.apply(Action::Approve, BO),
            Err(WorkflowError::OwnAlert)
        );
        let done = step(cancel, Action::Approve, ANN);
        assert!(done.is_cancelled());
        assert_eq!(
            done.apply(Action::Update, ANN),
            Err(WorkflowError::Cancelled)
        );
        assert_eq!(done.actions(ANN), []);
    }

    #[test]
    fn a_returned_cancellation_can_be_asked_for_again() {
        let published = step(
            step(Thread::new(ANN), Action::Submit, ANN),
            Action::Approve,
            BO,
        );
        let returned = step(step(published, Action::Cancel, ANN), Action::Return, BO);
        assert_eq!(
            returned.actions(ANN),
            [Action::Edit, Action::Submit, Action::Update, Action::Cancel]
        );
    }

    #[test]
    fn nothing_unpublished_can_be_updated() {
        let draft = Thread::new(ANN);
        assert_eq!(
            draft.apply(Action::Update, ANN),
            Err(WorkflowError::NotPublished)
        );
        assert_eq!(
            draft.apply(Action::Approve, BO),
            Err(WorkflowError::NotPending)
        );
        assert_eq!(draft.actions(ANN), [Action::Edit, Action::Submit]);
    }
}
