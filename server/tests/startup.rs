//! Start-up refuses to run on a database it cannot use, and says why.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use server::startup::{StartupError, describe, open_database};

#[allow(clippy::expect_used)] // a test helper: failing to read is a test failure
async fn pragma<T: sea_orm::TryGetable>(db: &DatabaseConnection, name: &str) -> T {
    let stmt = Statement::from_string(DbBackend::Sqlite, format!("PRAGMA {name}"));
    let row = db
        .query_one_raw(stmt)
        .await
        .expect("pragma")
        .expect("a row");
    row.try_get_by_index(0).expect("pragma value")
}

#[tokio::test]
async fn an_unreachable_database_is_named_without_its_password() {
    // Port 9 (discard) on loopback: nothing listens there.
    let err = open_database("postgres://yingji:s3cret@127.0.0.1:9/yingji")
        .await
        .unwrap_err();
    assert!(matches!(err, StartupError::Database { .. }), "{err:?}");
    let message = describe(&err);
    assert!(
        message.contains("postgres://yingji:***@127.0.0.1:9/yingji"),
        "{message}"
    );
    assert!(!message.contains("s3cret"), "{message}");
}

#[tokio::test]
async fn an_unsupported_database_url_is_refused() {
    let err = open_database("mysql://localhost/yingji").await.unwrap_err();
    assert!(
        describe(&err).contains("sqlite: or postgres:"),
        "{}",
        describe(&err)
    );
}

#[tokio::test]
async fn an_sqlite_file_is_created_in_wal_mode_and_migrated_twice_safely() {
    let dir = std::env::temp_dir().join(format!("yingji-test-{}", uuid::Uuid::now_v7().simple()));
    let url = format!("sqlite://{}/nested/y.db?mode=rwc", dir.display());
    let db = open_database(&url).await.expect("first start");
    assert_eq!(pragma::<String>(&db, "journal_mode").await, "wal");
    assert_eq!(pragma::<i32>(&db, "foreign_keys").await, 1);
    drop(db);
    open_database(&url)
        .await
        .expect("second start on the same file");
    assert!(dir.join("nested/y.db").exists());
    let _ = std::fs::remove_dir_all(dir);
}

mod support;

#[tokio::test]
async fn the_first_administrator_is_created_by_command_and_can_sign_in() {
    // Separate processes share the database, so SQLite must be a file here.
    let mut urls = vec![("sqlite", support::temp_sqlite_url())];
    urls.extend(
        support::database_urls()
            .await
            .into_iter()
            .filter(|(b, _)| *b == "postgres"),
    );
    for (backend, url) in urls {
        first_administrator(backend, &url).await;
    }
}

#[allow(clippy::expect_used)] // a test body shared by backends
async fn first_administrator(backend: &str, url: &str) {
    let config = support::config(url, false);
    let weak =
        server::startup::create_admin(&config, "chief".into(), "值班主任".into(), "short".into())
            .await;
    assert!(describe(&weak.expect_err("a weak password is refused")).contains("12–128 characters"));

    let password = "Taihang#Watch-2026".to_string();
    server::startup::create_admin(&config, "chief".into(), "值班主任".into(), password.clone())
        .await
        .expect("administrator created");
    let state = support::state(url, false).await;
    assert!(
        app::identity::service::has_admin(&state.db)
            .await
            .expect("query"),
        "{backend}"
    );
    let form = format!("username=chief&password={}", password.replace('#', "%23"));
    let (_, cookie, body) = support::call(&state, "identity/login", &form, None).await;
    assert_eq!(body, "null", "{backend}");
    assert!(cookie.is_some(), "{backend}");
    // The same name cannot be taken twice.
    let again = server::startup::create_admin(&config, "chief".into(), "x".into(), password).await;
    assert!(
        describe(&again.expect_err("duplicate")).contains("user name is taken"),
        "{backend}"
    );
}
