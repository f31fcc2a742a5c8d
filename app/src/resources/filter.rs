//! What the registry page lists: a kind, an ability, a search text, ready only. Kept in the
//! address (`/resources?kind=team&cap=mine_rescue&q=太原`) so a list can be shared and exported.

use serde::{Deserialize, Serialize};

use super::{Capability, Resource, ResourceKind};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceQuery {
    pub kind: Option<ResourceKind>,
    pub capability: Option<Capability>,
    /// Matched against name, organisation, category, details and address.
    pub text: String,
    pub ready_only: bool,
}

impl ResourceQuery {
    /// Reads the address's parameters; unknown values are ignored rather than refused (an old
    /// bookmark still opens).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ResourceQuery {
        ResourceQuery {
            kind: get("kind").as_deref().and_then(ResourceKind::parse),
            capability: get("cap").as_deref().and_then(Capability::parse),
            text: get("q")
                .unwrap_or_default()
                .trim()
                .chars()
                .take(50)
                .collect(),
            ready_only: get("ready").is_some_and(|v| v == "1"),
        }
    }

    /// The query part of an address that reopens this list.
    pub fn to_params(&self) -> String {
        let mut parts = Vec::new();
        if let Some(kind) = self.kind {
            parts.push(format!("kind={}", kind.key()));
        }
        if let Some(c) = self.capability {
            parts.push(format!("cap={}", c.key()));
        }
        if !self.text.is_empty() {
            parts.push(format!("q={}", crate::ui::url::encode(&self.text, b"")));
        }
        if self.ready_only {
            parts.push("ready=1".into());
        }
        parts.join("&")
    }

    pub fn admits(&self, r: &Resource) -> bool {
        self.kind.is_none_or(|k| r.kind == k)
            && self.capability.is_none_or(|c| r.capabilities.contains(&c))
            && (!self.ready_only || r.ready())
            && (self.text.is_empty()
                || [
                    &r.name,
                    &r.organisation,
                    &r.category,
                    &r.details,
                    &r.address,
                ]
                .iter()
                .any(|field| field.contains(&self.text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_address() {
        let query = ResourceQuery::from_params(|key| match key {
            "kind" => Some("team".into()),
            "cap" => Some("mine_rescue".into()),
            "q" => Some(" 太原 ".into()),
            "ready" => Some("1".into()),
            _ => None,
        });
        assert_eq!(query.kind, Some(ResourceKind::Team));
        assert_eq!(query.capability, Some(Capability::MineRescue));
        assert_eq!(query.text, "太原");
        assert!(query.ready_only);
        assert_eq!(
            query.to_params(),
            "kind=team&cap=mine_rescue&q=%E5%A4%AA%E5%8E%9F&ready=1"
        );
        assert_eq!(
            ResourceQuery::from_params(|_| Some("junk".into())).kind,
            None
        );
    }
}
