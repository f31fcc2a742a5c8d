use std::time::Duration;

use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("DATABASE_URL must start with sqlite: or postgres:, got `{0}`")]
    UnsupportedScheme(String),
    #[error("cannot create the directory for the SQLite file `{path}`")]
    SqliteDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot connect to the database")]
    Connect(#[source] DbErr),
}

/// Opens the database named by `url`: SQLite (created if missing, WAL journal) or PostgreSQL.
pub async fn connect(url: &str) -> Result<DatabaseConnection, ConnectError> {
    let is_sqlite = url.starts_with("sqlite:");
    if !is_sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
        return Err(ConnectError::UnsupportedScheme(redact(url)));
    }
    if is_sqlite {
        ensure_sqlite_dir(url)?;
    }
    let mut options = ConnectOptions::new(url);
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if is_sqlite {
        // Set on every pooled connection, not just the first one.
        options.map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    }
    if is_sqlite && url.contains(":memory:") {
        // Every pooled connection to `:memory:` would be a separate empty database.
        options.max_connections(1).min_connections(1);
    }
    Database::connect(options)
        .await
        .map_err(ConnectError::Connect)
}

/// The file path of a `sqlite:` URL, without options (`None` for in-memory databases).
fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:")).then_some(path)
}

fn ensure_sqlite_dir(url: &str) -> Result<(), ConnectError> {
    let Some(dir) = sqlite_path(url).and_then(|p| std::path::Path::new(p).parent()) else {
        return Ok(());
    };
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|source| ConnectError::SqliteDir {
        path: dir.display().to_string(),
        source,
    })
}

/// The URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_are_found_in_both_url_forms() {
        assert_eq!(
            sqlite_path("sqlite://data/yingji.db?mode=rwc"),
            Some("data/yingji.db")
        );
        assert_eq!(sqlite_path("sqlite:data/y.db"), Some("data/y.db"));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://x"), None);
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://data/y.db"), "sqlite://data/y.db");
    }

    #[tokio::test]
    async fn unknown_schemes_are_refused_by_name() {
        let err = connect("mysql://u:pw@h/db").await.unwrap_err();
        assert!(err.to_string().contains("mysql://u:***@h/db"), "{err}");
    }
}
