use leptos::prelude::*;

use super::AuditPage;
use crate::error::AppError;

/// Browses the audit log: records of actors within the administrator's jurisdiction (all of
/// them, with the node's own, for the administrators of the node's root unit). Dates are
/// `YYYY-MM-DD` in Beijing time, both inclusive; empty filters match everything.
#[server(endpoint = "audit/entries")]
pub async fn list_audit_entries(
    #[server(default)] action: String,
    #[server(default)] actor: String,
    #[server(default)] target: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] older_than: Option<i64>,
) -> Result<AuditPage, AppError> {
    use super::AuditQuery;
    use crate::error::FieldErrors;
    use crate::identity::{Permission, guard, service};
    use std::collections::HashMap;

    let admin = guard::require(Permission::AuditRead).await?;
    let db = crate::state::db()?;
    let t = &crate::i18n::detect_locale().texts().audit;
    let whole_node = service::root_unit(&db).await? == Some(admin.unit_id);

    // Who the reader may see, and how to name them.
    let mut labels: HashMap<String, String> = HashMap::new();
    for user in service::users_within(&db, &admin.unit_region).await? {
        labels.insert(format!("user:{}", user.id), user.username);
    }
    for key in service::keys_within(&db, &admin.unit_region).await? {
        labels.insert(
            format!("api_key:{}", key.id),
            format!("{} ({})", key.prefix, key.name),
        );
    }
    labels.insert("system".into(), t.system.into());

    let mut errors = FieldErrors::default();
    let from_at = day_start(&from, 0);
    if from_at.is_none() {
        errors.add(t.from, t.date_rule);
    }
    let until = day_start(&to, 1);
    if until.is_none() {
        errors.add(t.to, t.date_rule);
    }
    let actor = actor.trim();
    let actors = if actor.is_empty() {
        (!whole_node).then(|| {
            labels
                .keys()
                .filter(|k| k.as_str() != "system")
                .cloned()
                .collect()
        })
    } else {
        let found = labels
            .iter()
            .find(|(key, label)| key.starts_with("user:") && label.as_str() == actor)
            .map(|(key, _)| vec![key.clone()]);
        if found.is_none() {
            errors.add(t.actor, t.actor_rule);
        }
        found
    };
    errors.finish()?;
    let query = AuditQuery {
        action: Some(action.trim().to_string()),
        actors,
        target: Some(target.trim().to_string()),
        from: from_at.flatten(),
        until: until.flatten(),
        older_than,
    };
    let mut page = super::service::browse(&db, &query).await?;
    for entry in &mut page.entries {
        if let Some(label) = labels.get(&entry.actor) {
            entry.actor_label = label.clone();
        }
    }
    Ok(page)
}

/// Unix seconds of midnight (Beijing time) `days_after` days after the date `text`:
/// `Some(None)` for an empty text, `None` for one that is not a date.
#[cfg(feature = "ssr")]
fn day_start(text: &str, days_after: i64) -> Option<Option<i64>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(text, format).ok()?;
    let midnight = date
        .midnight()
        .assume_offset(crate::ui::time::BEIJING)
        .unix_timestamp();
    Some(Some(midnight + days_after * 86_400))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn dates_are_beijing_days() {
        // 2026-12-04 00:00 +08:00 = 2026-12-03T16:00Z
        assert_eq!(day_start("2026-12-04", 0), Some(Some(1_796_313_600)));
        assert_eq!(day_start("2026-12-04", 1), Some(Some(1_796_400_000)));
        assert_eq!(day_start(" ", 0), Some(None));
        assert_eq!(day_start("2026-13-01", 0), None);
        assert_eq!(day_start("昨天", 0), None);
    }
}
