//! Demo warnings (演示数据): drafted by the national alert officer and approved by the national
//! commander through the same workflow as any alert, so the portal and the feeds have something
//! to show. One is later cancelled, to show a version history.

use app::alerts::model::AlertForm;
use app::alerts::service::{self, Publisher};
use app::alerts::workflow::Action;
use app::i18n::Locale;
use app::identity::UserView;
use app::identity::service::users_within;
use app::incidents::service::Recorder;
use app::resources::service::ResourceError;
use app::site::SiteInfo;
use sea_orm::DatabaseConnection;

/// How many alerts the demo set publishes.
pub const COUNT: usize = 3;

/// (level, event, headline, instruction, area, circle, geocodes, hours valid, cancelled).
type Demo = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    bool,
);

const ALERTS: [Demo; COUNT] = [
    (
        "orange",
        "危险化学品泄漏",
        "太原市小店区液氯泄漏橙色预警（演示）",
        "事发地周边 2 公里内居民请关闭门窗、停止室外活动，按社区通知向上风向（西北方向）撤离。",
        "太原市小店区某化工企业周边 2 公里（演示）",
        "37.742,112.565 2",
        "140100",
        72,
        false,
    ),
    (
        "blue",
        "矿山透水",
        "大同市矿山透水事故救援蓝色预警（演示）",
        "请勿前往事故矿区及下游河道，为救援车辆让出道路。",
        "大同市云冈区矿区（演示）",
        "",
        "140200",
        168,
        false,
    ),
    (
        "yellow",
        "火灾",
        "太原市万柏林区仓储火灾黄色预警（演示，已撤销）",
        "下风向居民请关闭门窗。",
        "太原市万柏林区仓储园区周边 1 公里（演示）",
        "37.860,112.480 1",
        "140100",
        24,
        true,
    ),
];

/// Audit records the demo alerts leave: the draft, submission and approval, and for a
/// cancelled one the cancellation and its approval.
pub const AUDIT_RECORDS: usize = {
    let (mut n, mut i) = (0, 0);
    while i < COUNT {
        n += if ALERTS[i].8 { 5 } else { 3 };
        i += 1;
    }
    n
};

fn recorder(user: &UserView, node: &str) -> Recorder {
    Recorder::person(user.id, &user.display_name, &user.unit_name, node)
}

/// Publishes the demo alerts; returns how many.
pub async fn load(db: &DatabaseConnection, site: &SiteInfo) -> Result<u32, ResourceError> {
    let corrupt = |e: String| ResourceError::Corrupt(format!("demo alerts: {e}"));
    let users = users_within(db, app::reference::NATIONAL_REGION_CODE)
        .await
        .map_err(|e| corrupt(e.to_string()))?;
    let find = |name: &str| users.iter().find(|u| u.username == name && u.demo);
    let (Some(author), Some(approver)) = (find("nat.alert"), find("nat.commander")) else {
        return Ok(0);
    };
    let node = &site.node.id;
    let (by, check) = (recorder(author, node), recorder(approver, node));
    let publisher = Publisher::of(site);
    let now = app::ui::time::now_unix();
    for (level, event, headline, instruction, area, circle, codes, hours, cancelled) in ALERTS {
        let form = AlertForm {
            level: level.into(),
            event: event.into(),
            headline: headline.into(),
            description: format!("{headline}。本条为演示数据，并非真实预警。"),
            instruction: instruction.into(),
            area_desc: area.into(),
            circle: circle.into(),
            geocodes: codes.into(),
            expires: app::ui::time::datetime_local(now + hours * 3600),
            contact: "12350（演示）".into(),
            ..AlertForm::blank(now)
        };
        let content = form
            .validate(now, Locale::ZhCn.texts())
            .map_err(|e| corrupt(format!("{e:?}")))?;
        let owner = (author.unit_id, author.id);
        let id = service::create(db, &by, owner, &content, true)
            .await
            .map_err(|e| corrupt(e.to_string()))?;
        let mut steps = vec![
            (&by, author.id, Action::Submit),
            (&check, approver.id, Action::Approve),
        ];
        if cancelled {
            steps.push((&by, author.id, Action::Cancel));
            steps.push((&check, approver.id, Action::Approve));
        }
        for (revision, (who, actor, action)) in (1..).zip(steps) {
            service::act(db, who, actor, (id, revision), (action, None), &publisher)
                .await
                .map_err(|e| corrupt(e.to_string()))?;
        }
    }
    Ok(COUNT as u32)
}
