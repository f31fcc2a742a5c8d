//! 现场视频 in the upward report: a camera registered for an own incident goes up with a 续报,
//! the tiers above keep a copy of it under their copy of the incident, and pull its video
//! through the origin over the exchange's NATS links — two leaf hops up to the national centre —
//! while the origin alone may withdraw it.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::time::Duration;

use app::cameras::entity::camera;
use app::cameras::service as cameras;
use app::cameras::{CameraKind, LinkState, NewCamera, Registry, Subject};
use app::exchange::entity::outbox;
use app::exchange::{Envelope, IncidentReport, Payload, SceneCamera};
use app::incidents::service::{self as incidents, Recorder};
use app::video::ServerSignal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use support::camera::{TestCamera, frames_of, health_becomes, nal_types, next, viewer};
use support::tiers::{Node, ThreeTiers, accident, recorder, three_tiers, until};
use support::{call, database_urls, signed_in, state, taiyuan_incident};
use uuid::Uuid;

/// The last report of `incident` this node queued for the tiers above.
async fn last_report(db: &impl ConnectionTrait, incident: Uuid) -> IncidentReport {
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("report"))
        .order_by_desc(outbox::Column::Id)
        .all(db)
        .await
        .unwrap();
    rows.iter()
        .map(|row| Envelope::from_bytes(row.body.as_bytes()).unwrap())
        .filter(|e| e.incident == Some(incident))
        .find_map(|e| match Payload::of(&e).unwrap() {
            Payload::Report(report) => Some(*report),
            _ => None,
        })
        .expect("a report of the incident")
}

async fn registry(state: &app::state::AppState, cookie: &str) -> Registry {
    let (status, _, body) = call(state, "cameras/list", "", Some(cookie)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

fn taiyuan_recorder() -> Recorder {
    Recorder {
        actor: app::audit::Actor::System,
        name: "交换".into(),
        node: "sx".into(),
    }
}

#[tokio::test]
async fn a_scene_camera_goes_up_with_a_follow_up_and_only_its_origin_removes_it() {
    for (_, url) in database_urls().await {
        let city = state(&url, true).await;
        let incident = taiyuan_incident(&city).await;
        let taiyuan = signed_in(&city, "ty.duty").await;
        let version = incidents::find(&city.db, incident).await.unwrap().version;

        let form = format!(
            "form[name]=东门无人机&form[kind]=drone&form[url]=rtsp://127.0.0.1:9/live&form[subject]=incident:{incident}"
        );
        let (status, _, body) = call(&city, "cameras/register", &form, Some(&taiyuan)).await;
        assert_eq!(status, 200, "{body}");
        let id: Uuid = serde_json::from_str(&body).unwrap();
        // A 续报: the facts as they were, the next version, the camera listed.
        let record = incidents::find(&city.db, incident).await.unwrap();
        assert_eq!(record.version, version + 1);
        let report = last_report(&city.db, incident).await;
        assert_eq!(report.version, u32::try_from(version + 1).unwrap());
        let attached = SceneCamera {
            camera: id,
            name: "东门无人机".into(),
            kind: CameraKind::Drone,
        };
        assert_eq!(report.scene_video, vec![attached]);
        assert_eq!(report.note, "随报告上报现场视频：东门无人机");
        assert!(!serde_json::to_string(&report).unwrap().contains("rtsp://"));

        // The province keeps a copy under its copy of the incident, named after the origin.
        let province = state(&support::temp_sqlite_url(), true).await;
        let unit = app::identity::service::root_unit(&province.db)
            .await
            .unwrap()
            .unwrap();
        let by = taiyuan_recorder();
        let origin = ("ty", "太原市应急管理局指挥中心");
        let now = app::ui::time::now_unix();
        let txn = province.db.begin().await.unwrap();
        incidents::apply_copy(&txn, &by, &report, origin, unit, now)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let reader = signed_in(&province, "ty.duty").await;
        let listed = registry(&province, &reader).await.cameras;
        let copy = listed.iter().find(|c| c.id == id).expect("the copy");
        assert_eq!(copy.relayed_from.as_deref(), Some(origin.1));
        assert_eq!(copy.address, "");
        assert_eq!(copy.subject, Subject::Incident(incident));
        // Only the origin removes it.
        let (status, _, body) = call(
            &province,
            "cameras/remove",
            &format!("id={id}"),
            Some(&reader),
        )
        .await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("只能在该节点删除"), "{body}");
        assert!(
            registry(&province, &reader)
                .await
                .cameras
                .iter()
                .any(|c| c.id == id)
        );

        // Removed at the origin: the next report carries no camera and the copy goes.
        let (status, _, body) =
            call(&city, "cameras/remove", &format!("id={id}"), Some(&taiyuan)).await;
        assert_eq!(status, 200, "{body}");
        let report = last_report(&city.db, incident).await;
        assert!(report.scene_video.is_empty());
        assert_eq!(report.note, "现场视频不再随报告上报：东门无人机");
        let txn = province.db.begin().await.unwrap();
        incidents::apply_copy(&txn, &by, &report, origin, unit, now)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let left = camera::Entity::find()
            .filter(camera::Column::IncidentId.eq(incident))
            .all(&province.db)
            .await
            .unwrap();
        assert!(left.is_empty(), "{left:?}");
    }
}

/// Registers a camera for an own incident as the API does: stored and reported in one
/// transaction, then pulled.
async fn attach(node: &Node, incident: Uuid, url: &str) -> Uuid {
    let by = recorder(node);
    let new = NewCamera {
        name: "1号罐区".into(),
        kind: CameraKind::Site,
        url: url.into(),
        subject: Subject::Incident(incident),
    };
    let txn = node.state.db.begin().await.unwrap();
    let row = cameras::create(&txn, &by, &new, "140105", false)
        .await
        .unwrap();
    let now = app::ui::time::now_unix();
    incidents::report_scene_video(&txn, &by, incident, "接入现场视频".into(), now)
        .await
        .unwrap();
    txn.commit().await.unwrap();
    node.state.media.0.watch_camera((&row).into());
    row.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_national_centre_watches_a_city_camera_through_the_city() {
    if !support::nats::available() || !support::camera::available() {
        return;
    }
    let ThreeTiers {
        national,
        province,
        city,
        // Bound, so the servers live as long as the test.
        hub: _hub,
        province_nats: _province_nats,
        city_nats: _city_nats,
    } = three_tiers().await;

    // A 重大 accident (12 dead) is reported up to the national centre.
    let test_camera = TestCamera::start("blue").await;
    let now = app::ui::time::now_unix();
    let by = recorder(&city);
    let incident = incidents::create(
        &city.state.db,
        &city.state.bus,
        &by,
        city.unit,
        accident("储罐区爆炸", 12, now),
        now,
        false,
    )
    .await
    .unwrap()
    .id();
    let id = attach(&city, incident, &test_camera.url).await;

    // Both tiers above pull it through the city once the 续报 arrives.
    let limit = Duration::from_secs(40);
    for above in [&province, &national] {
        until("the camera's copy", limit, || async {
            cameras::find(&above.state.db, id).await.unwrap().is_some()
        })
        .await;
        until("the relayed camera", limit, || async {
            above.state.media.0.cameras_pulled().contains(&id)
        })
        .await;
        health_becomes(above.state.media.0.as_ref(), id, LinkState::Online).await;
    }
    let media = national.state.media.0.as_ref();
    let mut watching = viewer(media, id);
    let ServerSignal::Joined { participants, .. } = next(&mut watching).await else {
        panic!("joined first");
    };
    assert_eq!(participants[0].name, "1号罐区");
    let frames = frames_of(media, &mut watching, participants[0].id).await;
    assert!(frames.len() >= 10, "frames arrive: {}", frames.len());
    let first = nal_types(&frames[0].1);
    assert!(first.contains(&5), "a keyframe first: {first:?}");

    // Withdrawn at the city: the national centre lets it go and its viewer sees the end.
    let row = cameras::find(&city.state.db, id).await.unwrap().unwrap();
    let txn = city.state.db.begin().await.unwrap();
    cameras::delete(&txn, &by, &row).await.unwrap();
    incidents::report_scene_video(&txn, &by, incident, "撤下".into(), now)
        .await
        .unwrap();
    txn.commit().await.unwrap();
    city.state.media.0.forget_camera(id);
    until("the copy withdrawn", limit, || async {
        !national.state.media.0.cameras_pulled().contains(&id)
    })
    .await;
    assert_eq!(
        next(&mut watching).await,
        ServerSignal::TrackEnded {
            participant: participants[0].id
        }
    );
}
