//! Nodes of several tiers on 127.0.0.1 for the exchange's tests: each with its own SQLite
//! database, node key and nats-server, registered with each other as the test says.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use app::exchange::Relation;
use app::exchange::service::{Registration, register};
use app::incidents::service::Recorder;
use app::incidents::{Casualties, IncidentFacts, IncidentSource, NewIncident};
use app::site::{NodeIdentity, NodeTier};
use app::state::AppState;
use server::exchange::keys::NodeKey;
use uuid::Uuid;

use super::nats::NatsServer;

pub struct Node {
    pub state: AppState,
    pub key: NodeKey,
    pub unit: Uuid,
}

pub fn identity(id: &str, name: &str, tier: NodeTier, region: &str) -> NodeIdentity {
    NodeIdentity {
        id: id.into(),
        name: name.into(),
        tier,
        region_code: region.into(),
    }
}

pub async fn node(
    dir: &Path,
    who: NodeIdentity,
    nats: &NatsServer,
) -> (server::config::Config, Node) {
    let mut config = super::config(&super::temp_sqlite_url(), false);
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

pub async fn trust(at: &Node, other: &Node, relation: Relation) {
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

pub fn recorder(node: &Node) -> Recorder {
    Recorder {
        actor: app::audit::Actor::System,
        name: "值班员".into(),
        node: node.state.site.node.id.clone(),
    }
}

/// Waits (a guard against hanging, not a performance check) until `done` holds.
pub async fn until<F, Fut>(what: &str, limit: Duration, mut done: F)
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

pub fn temp_dir() -> PathBuf {
    std::env::temp_dir().join(format!("yingji-exchange-{}", Uuid::now_v7().simple()))
}

/// A chemical plant accident in Taiyuan's 小店区 with `deaths` dead (its grade follows).
pub fn accident(title: &str, deaths: u32, now: i64) -> NewIncident {
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

/// The national centre, Shanxi and Taiyuan with their nats-servers (each a leaf of its
/// parent's), registered with each other and exchanging.
pub struct ThreeTiers {
    pub national: Node,
    pub province: Node,
    pub city: Node,
    pub hub: NatsServer,
    pub province_nats: NatsServer,
    pub city_nats: NatsServer,
}

pub async fn three_tiers() -> ThreeTiers {
    let dir = temp_dir();
    let hub = NatsServer::start("nat", &dir, None).await;
    let province_nats = NatsServer::start("sx", &dir, Some(hub.leaf_port)).await;
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
    ThreeTiers {
        national,
        province,
        city,
        hub,
        province_nats,
        city_nats,
    }
}
