//! Start-up refuses to run on a database it cannot use, and says why.

use server::startup::{StartupError, describe, open_database};

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
async fn an_sqlite_file_is_created_with_its_directory_and_migrated_twice_safely() {
    let dir = std::env::temp_dir().join(format!("yingji-test-{}", uuid::Uuid::now_v7().simple()));
    let url = format!("sqlite://{}/nested/y.db?mode=rwc", dir.display());
    let db = open_database(&url).await.expect("first start");
    drop(db);
    open_database(&url)
        .await
        .expect("second start on the same file");
    assert!(dir.join("nested/y.db").exists());
    let _ = std::fs::remove_dir_all(dir);
}
