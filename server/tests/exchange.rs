//! The tier exchange between three nodes on 127.0.0.1 — national hub, a province, a city — each
//! with its own database and its own nats-server (JetStream domain, leaf link to its parent):
//! reports climb as far as their grade requires, receipts come back down, directives go down,
//! and a provincial server that is down while the city keeps reporting loses nothing and
//! duplicates nothing once it returns. Forged and unreadable messages are refused, never applied.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::time::Duration;

use app::exchange::entity::{directive_receipt, inbox};
use app::exchange::support::{Answer, ResponseForm, SupportForm, SupportView, service as requests};
use app::exchange::{DirectiveForm, Envelope, Kind, Scope};
use app::incidents::entity::{incident, version};
use app::incidents::service::{self};
use app::incidents::{Casualties, FollowUp};
use app::site::NodeTier;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::tiers::{Node, ThreeTiers, accident, recorder, three_tiers, until};
use uuid::Uuid;

async fn copies(node: &Node) -> Vec<incident::Model> {
    incident::Entity::find()
        .filter(incident::Column::OriginNode.is_not_null())
        .all(&node.state.db)
        .await
        .unwrap()
}

async fn copy_version(node: &Node, id: Uuid) -> Option<i32> {
    incident::Entity::find_by_id(id)
        .one(&node.state.db)
        .await
        .unwrap()
        .map(|m| m.version)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_tiers_exchange_reports_receipts_and_directives() {
    if !support::nats::available() {
        return;
    }
    let ThreeTiers {
        national,
        province,
        city,
        // Bound, so the servers live as long as the test.
        hub: _hub,
        mut province_nats,
        city_nats,
    } = three_tiers().await;

    // A 一般 accident stays in the city; a 重大 one (12 dead) climbs to the national centre.
    let now = app::ui::time::now_unix();
    let by = recorder(&city);
    let small = service::create(
        &city.state.db,
        &city.state.bus,
        &by,
        city.unit,
        accident("一般事故", 1, now),
        now,
        false,
    )
    .await
    .unwrap()
    .id();
    let major = service::create(
        &city.state.db,
        &city.state.bus,
        &by,
        city.unit,
        accident("重大事故", 12, now),
        now,
        false,
    )
    .await
    .unwrap()
    .id();
    let limit = Duration::from_secs(30);
    until("the national copy", limit, || async {
        copy_version(&national, major).await == Some(1)
    })
    .await;
    let copy = incident::Entity::find_by_id(major)
        .one(&national.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(copy.origin_node.as_deref(), Some("ty"));
    assert_eq!(
        copy.origin_name.as_deref(),
        Some("太原市应急管理局指挥中心")
    );
    assert_eq!(copy.deaths, 12);
    assert_eq!(copy_version(&province, major).await, Some(1));
    // The national copy's clock: both tiers have it (the province at the latest when it passed
    // the report on).
    let at_national = service::summary(&national.state.db, major).await.unwrap();
    assert!(at_national.duties.iter().all(|d| d.received.is_some()));
    assert_eq!(
        at_national.origin.as_deref(),
        Some("太原市应急管理局指挥中心")
    );
    // Receipts from both tiers come back and fill in the city's reporting clock.
    until("both receipts at the city", limit, || async {
        let s = service::summary(&city.state.db, major).await.unwrap();
        s.duties.iter().all(|d| d.received.is_some())
    })
    .await;
    let duties = service::summary(&city.state.db, major)
        .await
        .unwrap()
        .duties;
    let tiers: Vec<NodeTier> = duties.iter().map(|d| d.to).collect();
    assert_eq!(tiers, vec![NodeTier::Provincial, NodeTier::National]);
    // The 一般 accident went nowhere: nobody above the city is owed it.
    assert_eq!(copy_version(&province, small).await, None);
    assert_eq!(copy_version(&national, small).await, None);
    // A copy changes only at its origin.
    let refused = service::follow_up(
        &national.state.db,
        &national.state.bus,
        &recorder(&national),
        major,
        FollowUp {
            based_on: 1,
            casualties: Casualties::default(),
            direct_loss_cny: 0,
            note: String::new(),
        },
        now,
    )
    .await;
    assert!(matches!(refused, Err(service::IncidentError::NotOwned)));

    // A re-grade extends the chain: the 一般 accident becomes 较大 and reaches the province only.
    let followup = FollowUp {
        based_on: 1,
        casualties: Casualties {
            deaths: 4,
            ..Casualties::default()
        },
        direct_loss_cny: 0,
        note: "续报：死亡4人".into(),
    };
    service::follow_up(&city.state.db, &city.state.bus, &by, small, followup, now)
        .await
        .unwrap();
    until("the re-graded report at the province", limit, || async {
        copy_version(&province, small).await == Some(2)
    })
    .await;

    // A national directive to every node below reaches the city, and both sign for it.
    let form = DirectiveForm {
        title: "加强节日期间应急值守".into(),
        body: "各级应急指挥中心实行24小时领导带班。".into(),
        recipients: vec![],
    };
    let directive = app::exchange::service::send_directive(
        &national.state.db,
        &national.state.site.node,
        &recorder(&national),
        &form,
        now,
    )
    .await
    .unwrap();
    until("the directive at the city", limit, || async {
        app::exchange::service::directives(&city.state.db, 10)
            .await
            .unwrap()
            .iter()
            .any(|d| d.id == directive)
    })
    .await;
    until("both receipts of the directive", limit, || async {
        directive_receipt::Entity::find()
            .filter(directive_receipt::Column::DirectiveId.eq(directive))
            .count(&national.state.db)
            .await
            .unwrap()
            == 2
    })
    .await;

    // 跨区域支援: the city asks its province for a team and gets an answer; the province asks
    // the city, which cannot send. A second answer to the same request is refused.
    support_both_ways(&city, &province, now, limit).await;
    // A provincial warning for the province reaches the national centre (up) and the city (down),
    // both keeping the province as its CAP sender; its cancellation follows.
    alert_up_and_down(&province, &national, &city, now, limit).await;

    // The provincial server goes down while the city reports 250 accidents with three 续报
    // each: 1 000 reports.
    province_nats.kill();
    let mut ids = Vec::new();
    for i in 0..250 {
        let id = service::create(
            &city.state.db,
            &city.state.bus,
            &by,
            city.unit,
            accident(&format!("断链期间事故{i}"), 10, now),
            now,
            false,
        )
        .await
        .unwrap()
        .id();
        ids.push(id);
    }
    for based_on in 1..=3 {
        for id in &ids {
            let update = FollowUp {
                based_on,
                casualties: Casualties {
                    deaths: 10 + based_on,
                    ..Casualties::default()
                },
                direct_loss_cny: 0,
                note: format!("续报{based_on}"),
            };
            service::follow_up(&city.state.db, &city.state.bus, &by, *id, update, now)
                .await
                .unwrap();
        }
    }
    province_nats.restart().await;
    until(
        "all 1 000 reports at the national centre",
        Duration::from_secs(180),
        || async {
            let mut all = true;
            for id in &ids {
                if copy_version(&national, *id).await != Some(4) {
                    all = false;
                    break;
                }
            }
            all
        },
    )
    .await;
    // Exactly once, in order: each copy holds versions 1, 2, 3, 4, written in that order.
    for id in &ids {
        let versions: Vec<i32> = version::Entity::find()
            .filter(version::Column::IncidentId.eq(*id))
            .order_by_asc(version::Column::Id)
            .all(&national.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.version)
            .collect();
        assert_eq!(versions, vec![1, 2, 3, 4], "incident {id}");
    }
    assert_eq!(copies(&national).await.len(), 1 + ids.len());

    // Forged, unreadable and future messages put on the city's upward stream are refused or
    // kept at the province, and change nothing there.
    let raw = async_nats::connect(city_nats.url()).await.unwrap();
    let js = async_nats::jetstream::new(raw);
    let before = copies(&province).await.len();
    let forged_report = {
        let mut e = Envelope::new(
            "ty",
            Kind::Report,
            Scope::Up,
            None,
            serde_json::json!({}),
            now,
        );
        e.payload = serde_json::json!({ "forged": true });
        e.to_bytes()
    };
    let future = {
        let mut e = Envelope::new(
            "ty",
            Kind::Directive,
            Scope::Up,
            None,
            serde_json::json!({}),
            now,
        );
        e.schema = 99;
        e.to_bytes()
    };
    let messages: Vec<(Vec<u8>, String)> = vec![
        (forged_report.clone(), national.key.sign(&forged_report)),
        (b"not json".to_vec(), city.key.sign(b"not json")),
        (forged_report.clone(), String::new()),
        (future.clone(), city.key.sign(&future)),
    ];
    for (body, signature) in messages {
        let mut headers = async_nats::HeaderMap::new();
        headers.insert(
            async_nats::header::NATS_MESSAGE_ID,
            Uuid::now_v7().to_string().as_str(),
        );
        if !signature.is_empty() {
            headers.insert(server::exchange::relay::SIGNATURE, signature.as_str());
        }
        js.publish_with_headers("yingji.ty.up", headers, body.into())
            .await
            .unwrap()
            .await
            .unwrap();
    }
    until("four refusals at the province", limit, || async {
        inbox::Entity::find()
            .filter(inbox::Column::State.is_in(["rejected", "deferred"]))
            .count(&province.state.db)
            .await
            .unwrap()
            == 4
    })
    .await;
    let status = app::exchange::service::status(
        &province.state.db,
        &province.state.site.node,
        province.state.exchange.get(),
    )
    .await
    .unwrap();
    assert_eq!((status.rejected, status.deferred), (3, 1));
    assert!(status.link.configured && status.link.connected);
    assert_eq!(copies(&province).await.len(), before);
}

async fn request(from: &Node, to: &Node, kind: &str, now: i64) -> Uuid {
    let form = SupportForm {
        to: to.state.site.node.id.clone(),
        kind: kind.into(),
        quantity: "2".into(),
        detail: "具备堵漏、洗消能力".into(),
        place: "小店区应急集结点".into(),
        ..SupportForm::default()
    };
    requests::request(
        &from.state.db,
        &from.state.site.node,
        &recorder(from),
        &form,
        None,
        now,
    )
    .await
    .unwrap()
}

async fn support_at(node: &Node, id: Uuid) -> Option<SupportView> {
    requests::list(&node.state.db, 100)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
}

async fn answer(
    node: &Node,
    id: Uuid,
    answer: &str,
    eta: &str,
    now: i64,
) -> Result<Uuid, requests::SupportError> {
    let form = ResponseForm {
        request: id.to_string(),
        answer: answer.into(),
        detail: "省危化品救援队 1 支 25 人".into(),
        eta_minutes: eta.into(),
    };
    requests::respond(
        &node.state.db,
        &node.state.site.node,
        &recorder(node),
        &form,
        now,
    )
    .await
}

async fn support_both_ways(city: &Node, province: &Node, now: i64, limit: Duration) {
    let up = request(city, province, "team", now).await;
    until("the city's request at the province", limit, || async {
        support_at(province, up).await.is_some()
    })
    .await;
    let received = support_at(province, up).await.unwrap();
    assert!(!received.outgoing);
    assert_eq!(received.request.need.quantity, 2);
    answer(province, up, "accept", "90", now).await.unwrap();
    assert!(matches!(
        answer(province, up, "decline", "", now).await,
        Err(requests::SupportError::Answered)
    ));
    until("the province's answer at the city", limit, || async {
        support_at(city, up)
            .await
            .is_some_and(|r| r.response.is_some())
    })
    .await;
    let answered = support_at(city, up).await.unwrap().response.unwrap();
    assert_eq!(
        (answered.answer, answered.eta_minutes),
        (Answer::Accept, Some(90))
    );

    let down = request(province, city, "equipment", now).await;
    until("the province's request at the city", limit, || async {
        support_at(city, down).await.is_some()
    })
    .await;
    answer(city, down, "decline", "30", now).await.unwrap();
    until("the city's answer at the province", limit, || async {
        support_at(province, down)
            .await
            .is_some_and(|r| r.response.is_some())
    })
    .await;
    let declined = support_at(province, down).await.unwrap().response.unwrap();
    assert_eq!(
        (declined.answer, declined.eta_minutes),
        (Answer::Decline, None)
    );
}

async fn alert_up_and_down(
    province: &Node,
    national: &Node,
    city: &Node,
    now: i64,
    limit: Duration,
) {
    use app::alerts::entity::{alert, alert_version};
    use app::alerts::model::AlertForm;
    use app::alerts::service::{self as alerts, Publisher};
    use app::alerts::workflow::Action;
    let form = AlertForm {
        level: "orange".into(),
        event: "危险化学品泄漏".into(),
        headline: "太原市小店区危险化学品泄漏橙色预警".into(),
        description: "某化工厂储罐泄漏。".into(),
        instruction: "下风向居民关闭门窗，听从疏散指挥。".into(),
        area_desc: "太原市小店区".into(),
        geocodes: "140100".into(),
        expires: app::ui::time::datetime_local(now + 6 * 3600),
        contact: "12350".into(),
        ..AlertForm::blank(now)
    };
    let content = form.validate(now, app::i18n::Locale::ZhCn.texts()).unwrap();
    let (author, approver) = (Uuid::now_v7(), Uuid::now_v7());
    let by = recorder(province);
    let publisher = Publisher::of(&province.state.site);
    let db = &province.state.db;
    let id = alerts::create(db, &by, (province.unit, author), &content, false)
        .await
        .unwrap();
    let steps = [
        (author, Action::Submit),
        (approver, Action::Approve),
        (author, Action::Cancel),
        (approver, Action::Approve),
    ];
    for (revision, (actor, action)) in (1..).zip(steps) {
        alerts::act(db, &by, actor, (id, revision), (action, None), &publisher)
            .await
            .unwrap();
        if revision == 2 {
            for node in [national, city] {
                until("the alert's copy", limit, || async {
                    alert::Entity::find_by_id(id)
                        .one(&node.state.db)
                        .await
                        .unwrap()
                        .is_some()
                })
                .await;
            }
        }
    }
    for node in [national, city] {
        until("the cancellation's copy", limit, || async {
            alert_version::Entity::find()
                .filter(alert_version::Column::AlertId.eq(id))
                .count(&node.state.db)
                .await
                .unwrap()
                == 2
        })
        .await;
        let copy = alert::Entity::find_by_id(id)
            .one(&node.state.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(copy.origin_node.as_deref(), Some("sx"));
        assert_eq!(copy.last_msg_type.as_deref(), Some("Cancel"));
        // The CAP document names the province as sender wherever it is read.
        let version = alert_version::Entity::find_by_id(copy.last_version_id.unwrap())
            .one(&node.state.db)
            .await
            .unwrap()
            .unwrap();
        let envelope = Publisher::of(&node.state.site).envelope(&version);
        assert_eq!(envelope.sender, "urn:yingji:node:sx");
        assert_eq!(envelope.references.len(), 1);
        // Only the publisher changes it.
        let refused = alerts::act(
            &node.state.db,
            &recorder(node),
            author,
            (id, copy.revision),
            (Action::Update, None),
            &Publisher::of(&node.state.site),
        )
        .await;
        assert!(matches!(refused, Err(alerts::AlertError::Copy(_))));
    }
}
