//! Demo incidents (演示数据), recorded once when the demo accounts are created, at times relative
//! to that start so the reporting clock has something real to count: one 较大 accident due at
//! the province, one 一般 leak being handled, and one enterprise report already overdue at the
//! county.

use app::audit::Actor;
use app::i18n::Locale;
use app::identity::service::units_within;
use app::incidents::IncidentForm;
use app::incidents::service::{self, Recorder};
use app::live::Bus;
use app::ui::time::{datetime_local, now_unix};
use sea_orm::DatabaseConnection;

struct Demo {
    /// The recording unit's region (a demo unit of that region records it).
    unit_region: &'static str,
    minutes_ago: i64,
    form: fn() -> IncidentForm,
}

/// How many demo incidents there are.
pub const COUNT: usize = 3;

const DEMOS: [Demo; COUNT] = [
    Demo {
        unit_region: "140200",
        minutes_ago: 40,
        form: || IncidentForm {
            title: "云冈区某煤矿瓦斯爆炸（演示）".into(),
            accident_type: "15".into(),
            industry: "coal".into(),
            lon: "113.13".into(),
            lat: "40.03".into(),
            region_code: "140214".into(),
            address: "云冈区某煤矿二号井（演示）".into(),
            enterprise: "某煤业有限公司（演示）".into(),
            deaths: "3".into(),
            trapped: "5".into(),
            description: "井下二号采区发生瓦斯爆炸，3 人遇难，5 人被困（演示数据）。".into(),
            source: "enterprise".into(),
            reporter: "张某（演示）".into(),
            reporter_phone: "0352-0000000".into(),
            ..IncidentForm::default()
        },
    },
    Demo {
        unit_region: "140100",
        minutes_ago: 25,
        form: || IncidentForm {
            title: "小店区某化工厂氯气泄漏（演示）".into(),
            accident_type: "19".into(),
            industry: "hazchem".into(),
            lon: "112.57".into(),
            lat: "37.74".into(),
            region_code: "140105".into(),
            enterprise: "某化工有限公司（演示）".into(),
            serious_injuries: "2".into(),
            minor_injuries: "6".into(),
            hazmat: "氯气".into(),
            description: "储罐阀门泄漏，2 人急性中毒送医（演示数据）。".into(),
            source: "call_centre_119".into(),
            ..IncidentForm::default()
        },
    },
    Demo {
        unit_region: "140213",
        minutes_ago: 70,
        form: || IncidentForm {
            title: "某煤业运输巷冒顶（演示）".into(),
            accident_type: "11".into(),
            industry: "coal".into(),
            lon: "113.30".into(),
            lat: "40.08".into(),
            region_code: "140213".into(),
            enterprise: "某煤业有限公司（演示）".into(),
            deaths: "1".into(),
            description: "运输巷顶板冒落，1 人遇难（演示数据）。".into(),
            source: "enterprise".into(),
            ..IncidentForm::default()
        },
    },
];

pub type DemoError = Box<dyn std::error::Error + Send + Sync>;

/// Records the demo incidents; returns how many.
pub async fn load(db: &DatabaseConnection, bus: &Bus, node: &str) -> Result<u32, DemoError> {
    let now = now_unix();
    let t = &Locale::ZhCn.texts().incidents;
    let by = Recorder {
        actor: Actor::System,
        name: "演示数据".into(),
        node: node.into(),
    };
    for demo in &DEMOS {
        let Some(unit) = units_within(db, demo.unit_region)
            .await?
            .into_iter()
            .find(|u| u.region_code == demo.unit_region && u.demo)
        else {
            continue;
        };
        let form = IncidentForm {
            occurred_at: datetime_local(now - demo.minutes_ago * 60),
            ..(demo.form)()
        };
        let new = form.validate(now, t)?;
        let received = now - demo.minutes_ago * 60 + 300;
        service::create(db, bus, &by, unit.id, new, received, true).await?;
    }
    Ok(DEMOS.len() as u32)
}
