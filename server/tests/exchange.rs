//! The tier exchange between three nodes on 127.0.0.1 — national hub, a province, a city — each
//! with its own database and its own nats-server (JetStream domain, leaf link to its parent):
//! reports climb as far as their grade requires, receipts come back down, directives go down,
//! and a provincial server that is down while the city keeps reporting loses nothing and
//! duplicates nothing once it returns. Forged and unreadable messages are refused, never applied.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use app::exchange::entity::{directive_receipt, inbox};
use app::exchange::service::{Registration, register};
use app::exchange::{DirectiveForm, Envelope, Kind, Relation, Scope};
use app::incidents::entity::{incident, version};
use app::incidents::service::{self, Recorder};
use app::incidents::{Casualties, FollowUp, IncidentFacts, IncidentSource, NewIncident};
use app::site::NodeIdentity;
use app::site::NodeTier;
use app::state::AppState;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use server::exchange::keys::NodeKey;
use support::nats::NatsServer;
use uuid::Uuid;

struct Node {
    state: AppState,
    key: NodeKey,
    unit: Uuid,
}

fn identity(id: &str, name: &str, tier: NodeTier, region: &str) -> NodeIdentity {
    NodeIdentity {
        id: id.into(),
        name: name.into(),
        tier,
        region_code: region.into(),
    }
}

async fn node(dir: &Path, who: NodeIdentity, nats: &NatsServer) -> (server::config::Config, Node) {
    let mut config = support::config(&support::temp_sqlite_url(), false);
    config.node = who.clone();
    config.nats_url = Some(nats.url());
    config.node_key = dir.join(format!("{}.key", who.id));
    let key = NodeKey::generate(&config.node_key).unwrap();
    server::startup::create_admin(
        &config,
        "admin".into(),
        "管理员".into(),
        "Exchange#Test-2026".into(),
    )
    .await
    .unwrap();
    let state = server::startup::prepare(&config).await.unwrap();
    let unit = app::identity::service::root_unit(&state.db)
        .await
        .unwrap()
        .unwrap();
    (config, Node { state, key, unit })
}

async fn trust(at: &Node, other: &Node, relation: Relation) {
    let n = &other.state.site.node;
    let r = Registration {
        node_id: n.id.clone(),
        name: n.name.clone(),
        tier: n.tier,
        region_code: n.region_code.clone(),
        public_key: other.key.public_hex(),
        relation,
    };
    register(&at.state.db, &r, 0).await.unwrap();
}

fn recorder(node: &Node) -> Recorder {
    Recorder {
        actor: app::audit::Actor::System,
        name: "值班员".into(),
        node: node.state.site.node.id.clone(),
    }
}

fn accident(title: &str, deaths: u32, now: i64) -> NewIncident {
    NewIncident {
        facts: IncidentFacts {
            title: title.into(),
            accident_type: 18,
            industry: "hazchem".into(),
            occurred_at: now - 600,
            lon: 112.55,
            lat: 37.87,
            region_code: "140105".into(),
            address: "小店区".into(),
            enterprise: "某化工有限公司".into(),
            casualties: Casualties {
                deaths,
                ..Casualties::default()
            },
            direct_loss_cny: 0,
            hazmat: String::new(),
            description: String::new(),
        },
        source: IncidentSource::Phone,
        reporter: "张三".into(),
        reporter_phone: String::new(),
        external_id: None,
    }
}

/// Waits (a guard against hanging, not a performance check) until `done` holds.
async fn until<F, Fut>(what: &str, limit: Duration, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !done().await {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

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

fn temp_dir() -> PathBuf {
    std::env::temp_dir().join(format!("yingji-exchange-{}", Uuid::now_v7().simple()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_tiers_exchange_reports_receipts_and_directives() {
    if !support::nats::available() {
        return;
    }
    let dir = temp_dir();
    let hub = NatsServer::start("nat", &dir, None).await;
    let mut province_nats = NatsServer::start("sx", &dir, Some(hub.leaf_port)).await;
    let city_nats = NatsServer::start("ty", &dir, Some(province_nats.leaf_port)).await;

    let national_id = identity(
        "nat",
        "国家安全生产应急救援指挥中心",
        NodeTier::National,
        "100000",
    );
    let province_id = identity(
        "sx",
        "山西省安全生产应急救援指挥中心",
        NodeTier::Provincial,
        "140000",
    );
    let city_id = identity("ty", "太原市应急管理局指挥中心", NodeTier::City, "140100");
    let (national_cfg, national) = node(&dir, national_id, &hub).await;
    let (province_cfg, province) = node(&dir, province_id, &province_nats).await;
    let (city_cfg, city) = node(&dir, city_id, &city_nats).await;
    trust(&national, &province, Relation::Child).await;
    trust(&national, &city, Relation::Other).await;
    trust(&province, &national, Relation::Parent).await;
    trust(&province, &city, Relation::Child).await;
    trust(&city, &province, Relation::Parent).await;
    trust(&city, &national, Relation::Other).await;
    for (cfg, n) in [
        (&national_cfg, &national),
        (&province_cfg, &province),
        (&city_cfg, &city),
    ] {
        server::exchange::start(&n.state, cfg)
            .await
            .unwrap()
            .expect("exchange on");
    }

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
