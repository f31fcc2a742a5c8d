//! Two server processes of one node sharing the live bus through a real nats-server (Debian's
//! package; the test command installs it): a change committed by either reaches the tabs of
//! both, exactly once.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::time::Duration;

use app::incidents::IncidentForm;
use app::incidents::service::{self, Recorder};
use app::live::{LiveEvent, Published};
use tokio::sync::broadcast::Receiver;
use uuid::Uuid;

/// The incident ids of the events that arrive within a moment.
async fn received(events: &mut Receiver<std::sync::Arc<Published>>) -> Vec<Uuid> {
    let mut ids = Vec::new();
    // A guard against waiting forever, not a performance check.
    while let Ok(Ok(published)) = tokio::time::timeout(Duration::from_secs(2), events.recv()).await
    {
        if let LiveEvent::Incident { incident } = serde_json::from_str(&published.json).unwrap() {
            ids.push(incident.id);
        }
    }
    ids
}

#[tokio::test]
async fn two_processes_share_the_bus_and_each_tab_gets_each_change_once() {
    if !support::nats::available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("yingji-nats-{}", Uuid::now_v7().simple()));
    let server = support::nats::NatsServer::start("bus", &dir, None).await;
    let nats_url = server.url();
    let database = support::temp_sqlite_url();
    let mut config = support::config(&database, true);
    config.nats_url = Some(nats_url);
    let first = server::startup::prepare(&config)
        .await
        .expect("first process");
    let second = server::startup::prepare(&config)
        .await
        .expect("second process");
    let mut on_first = first.bus.subscribe(None).receiver;
    let mut on_second = second.bus.subscribe(None).receiver;

    let unit = app::identity::service::units_within(&first.db, "140100")
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.region_code == "140100")
        .unwrap()
        .id;
    let now = app::ui::time::now_unix();
    let form = IncidentForm {
        title: "共享总线测试".into(),
        accident_type: "1".into(),
        industry: "coal".into(),
        occurred_at: app::ui::time::datetime_local(now - 600),
        lon: "112.55".into(),
        lat: "37.87".into(),
        region_code: "140105".into(),
        source: "phone".into(),
        ..IncidentForm::default()
    };
    let new = form
        .validate(now, &app::i18n::Locale::ZhCn.texts().incidents)
        .unwrap();
    let by = Recorder {
        actor: app::audit::Actor::System,
        name: "test".into(),
        node: "sx".into(),
    };
    // Recorded through the second process: both processes' tabs hear of it, once.
    let id = service::create(&second.db, &second.bus, &by, unit, new, now, false)
        .await
        .unwrap()
        .id();
    // (The first process's demo incidents may still be on their way: only this one counts.)
    let once = |ids: Vec<Uuid>| ids.into_iter().filter(|i| *i == id).count();
    assert_eq!(once(received(&mut on_first).await), 1);
    assert_eq!(once(received(&mut on_second).await), 1);
}
