//! The audit chain on both databases: intact after writes, and every kind of tampering found.

mod support;

use app::audit::service::verify;
use app::audit::{BreakKind, ChainBreak, Verification};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use support::{database_urls, state};

async fn demo_node(url: &str) -> (DatabaseConnection, i64) {
    let state = state(url, true).await;
    // One record per directory entry, organisation unit, account and incident the demo set
    // creates, one for the demo registry (loaded as one import), one per demo major hazard and
    // one per step of the demo alerts, and one per scene of the demo hall.
    use server::demo::accounts::{ACCOUNTS, UNITS};
    let demo = server::demo::entries().len() + UNITS.len() + ACCOUNTS.len();
    let records = (demo
        + server::demo::incidents::COUNT
        + 1
        + server::demo::hazards::COUNT
        + server::demo::alerts::AUDIT_RECORDS
        + server::demo::hall::AUDIT_RECORDS) as i64;
    (state.db, records)
}

fn broken_at(result: Verification) -> (i64, BreakKind) {
    match result {
        Verification::Broken(ChainBreak { seq, kind, .. }) => (seq, kind),
        intact => panic!("tampering went unnoticed: {intact:?}"),
    }
}

#[tokio::test]
async fn every_demo_write_is_audited_and_the_chain_verifies() {
    for (backend, url) in database_urls().await {
        let (db, records) = demo_node(&url).await;
        assert_eq!(
            verify(&db).await.unwrap(),
            Verification::Intact { records },
            "{backend}"
        );
        // Loading again writes nothing and so records nothing.
        server::demo::load(&db, "sx").await.unwrap();
        assert_eq!(
            verify(&db).await.unwrap(),
            Verification::Intact { records },
            "{backend}"
        );
    }
}

#[tokio::test]
async fn an_edited_record_is_named() {
    for (backend, url) in database_urls().await {
        let (db, _) = demo_node(&url).await;
        db.execute_unprepared("UPDATE audit_log SET actor = 'user:intruder' WHERE seq = 7")
            .await
            .unwrap();
        assert_eq!(
            broken_at(verify(&db).await.unwrap()),
            (7, BreakKind::ContentChanged),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_record_relinked_to_another_predecessor_is_named() {
    for (backend, url) in database_urls().await {
        let (db, _) = demo_node(&url).await;
        let forged = "f".repeat(64);
        db.execute_unprepared(&format!(
            "UPDATE audit_log SET prev_hash = '{forged}' WHERE seq = 6"
        ))
        .await
        .unwrap();
        assert_eq!(
            broken_at(verify(&db).await.unwrap()),
            (6, BreakKind::LinkBroken),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_deleted_record_in_the_middle_is_found() {
    for (backend, url) in database_urls().await {
        let (db, _) = demo_node(&url).await;
        db.execute_unprepared("DELETE FROM audit_log WHERE seq = 3")
            .await
            .unwrap();
        assert_eq!(
            broken_at(verify(&db).await.unwrap()),
            (4, BreakKind::Gap),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn records_deleted_from_the_end_are_found() {
    for (backend, url) in database_urls().await {
        let (db, records) = demo_node(&url).await;
        db.execute_unprepared(&format!("DELETE FROM audit_log WHERE seq = {records}"))
            .await
            .unwrap();
        assert_eq!(
            broken_at(verify(&db).await.unwrap()),
            (records, BreakKind::HeadMismatch),
            "{backend}"
        );
    }
}
