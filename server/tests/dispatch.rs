//! Resources and dispatch on SQLite and PostgreSQL, through the server functions as a browser
//! calls them: the nearest capable resources, orders that commit all or nothing, claims that
//! never send one team to two places, stock counted out, the lifecycle written into the
//! incident's timeline, and registry edits checked on the server.

// Tests report setup failures by panicking.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use app::dispatch::DispatchStatus;
use app::incidents::{EntryKind, IncidentSummary};
use app::resources::{Capability, CapabilityCandidates, ResourceQuery};
use app::state::AppState;
use support::{call, database_urls, signed_in, state};
use uuid::Uuid;

/// A demo incident by the start of its title.
async fn demo_incident(state: &AppState, title: &str) -> IncidentSummary {
    app::incidents::service::list_active(&state.db, "140000", Uuid::nil(), 100)
        .await
        .expect("board")
        .into_iter()
        .find(|i| i.title.starts_with(title))
        .expect("demo incident")
}

/// A demo resource's id by name.
async fn resource(state: &AppState, name: &str) -> app::resources::Resource {
    let query = ResourceQuery {
        text: name.into(),
        ..ResourceQuery::default()
    };
    app::resources::service::list(&state.db, "", &query, 10)
        .await
        .expect("list")
        .items
        .into_iter()
        .find(|r| r.name == name)
        .expect("demo resource")
}

fn order(incident: Uuid, lines: &[(Uuid, &str)]) -> String {
    let mut form = format!("incident={incident}");
    for (i, (id, quantity)) in lines.iter().enumerate() {
        form.push_str(&format!(
            "&lines%5B{i}%5D%5Bresource%5D={id}&lines%5B{i}%5D%5Bquantity%5D={quantity}"
        ));
    }
    form
}

async fn dispatch_rows(state: &AppState) -> usize {
    use sea_orm::{EntityTrait, PaginatorTrait};
    app::dispatch::entity::dispatch::Entity::find()
        .count(&state.db)
        .await
        .expect("count") as usize
}

#[tokio::test]
async fn mine_rescue_comes_first_for_a_gas_explosion_nearest_first() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let incident = demo_incident(&state, "云冈区某煤矿瓦斯爆炸").await;
        let cookie = signed_in(&state, "sx.commander").await;
        let (status, _, body) = call(
            &state,
            "resources/candidates",
            &format!("incident={}", incident.id),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        let groups: Vec<CapabilityCandidates> = serde_json::from_str(&body).expect("json");
        assert_eq!(groups[0].capability, Capability::MineRescue, "{backend}");
        let names: Vec<&str> = groups[0]
            .candidates
            .iter()
            .map(|c| c.resource.name.as_str())
            .collect();
        assert_eq!(names[0], "同煤第二救护中队（演示）", "{backend}: {names:?}");
        assert!(names.contains(&"大同矿山救护大队（演示）"), "{backend}");
        // The Changzhi chemicals team is marked unavailable: never offered.
        for group in &groups {
            assert!(
                group
                    .candidates
                    .windows(2)
                    .all(|w| w[0].eta_minutes <= w[1].eta_minutes)
            );
            assert!(
                group
                    .candidates
                    .iter()
                    .all(|c| c.resource.name != "长治危化品救援队（演示）")
            );
        }
    }
}

#[tokio::test]
async fn an_order_commits_all_or_nothing_and_a_team_is_never_sent_twice() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let blast = demo_incident(&state, "云冈区某煤矿瓦斯爆炸").await;
        let leak = demo_incident(&state, "小店区某化工厂氯气泄漏").await;
        let second = resource(&state, "同煤第二救护中队（演示）").await;
        let brigade = resource(&state, "大同矿山救护大队（演示）").await;
        let hazchem = resource(&state, "山西省危化品应急救援太原队（演示）").await;
        let cookie = signed_in(&state, "sx.commander").await;

        let (status, _, body) = call(
            &state,
            "dispatch/create",
            &order(blast.id, &[(second.id, ""), (brigade.id, "")]),
            Some(&cookie),
        )
        .await;
        assert_eq!((status, body.as_str()), (200, "2"), "{backend}");
        let detail = app::incidents::service::detail(&state.db, blast.id)
            .await
            .expect("detail");
        let marks: Vec<_> = detail
            .timeline
            .iter()
            .filter(|e| e.kind == EntryKind::Dispatch)
            .filter_map(|e| e.dispatch.clone())
            .collect();
        assert_eq!(marks.len(), 2, "{backend}: the order is in the timeline");
        assert!(
            marks
                .iter()
                .all(|m| m.status == DispatchStatus::Dispatched && m.eta_minutes.is_some())
        );

        // The brigade is committed: an order naming it and a free team changes nothing.
        let before = dispatch_rows(&state).await;
        let (status, _, body) = call(
            &state,
            "dispatch/create",
            &order(leak.id, &[(hazchem.id, ""), (brigade.id, "")]),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert!(body.contains("已被调派到其他事故"), "{backend}: {body}");
        assert_eq!(dispatch_rows(&state).await, before, "{backend}");
        let candidates = app::resources::service::candidates(
            &state.db,
            &state.resources,
            (leak.lon, leak.lat),
            &[Capability::Hazchem],
            "",
            5,
        )
        .await
        .expect("candidates");
        assert!(
            candidates[0]
                .candidates
                .iter()
                .any(|c| c.resource.id == hazchem.id),
            "{backend}: the free team was not claimed by the refused order"
        );
        assert!(
            !candidates[0]
                .candidates
                .iter()
                .any(|c| c.resource.id == brigade.id),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn the_lifecycle_moves_forward_and_withdrawal_frees_the_team() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let blast = demo_incident(&state, "云冈区某煤矿瓦斯爆炸").await;
        let brigade = resource(&state, "大同矿山救护大队（演示）").await;
        let commander = signed_in(&state, "sx.commander").await;
        let (status, _, _) = call(
            &state,
            "dispatch/create",
            &order(blast.id, &[(brigade.id, "")]),
            Some(&commander),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        let cards = app::dispatch::service::of_incident(&state.db, blast.id)
            .await
            .expect("cards");
        let id = cards[0].id;

        // The Datong team's own field commander reports from the scene.
        let field = signed_in(&state, "dtd.field").await;
        let step = |s: &str| format!("id={id}&status={s}");
        let (status, _, body) =
            call(&state, "dispatch/status", &step("arrived"), Some(&field)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (status, _, body) =
            call(&state, "dispatch/status", &step("departed"), Some(&field)).await;
        assert_eq!(status, 422, "{backend}: backwards: {body}");
        let (status, _, body) = call(
            &state,
            "dispatch/position",
            &format!("id={id}&lon=113.14&lat=40.03"),
            Some(&field),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (status, _, _) = call(
            &state,
            "dispatch/position",
            &format!("id={id}&lon=413.14&lat=40.03"),
            Some(&field),
        )
        .await;
        assert_eq!(status, 422, "{backend}: a position off the earth");
        let card = app::dispatch::service::get(&state.db, id)
            .await
            .expect("card");
        assert_eq!(card.status, DispatchStatus::Arrived, "{backend}");
        assert!(
            card.arrived_at.is_some() && card.departed_at.is_none(),
            "{backend}"
        );
        assert_eq!(
            card.position.map(|p| (p.0, p.1)),
            Some((113.14, 40.03)),
            "{backend}"
        );

        let near = |state: &AppState| {
            state
                .resources
                .nearest((blast.lon, blast.lat), Capability::MineRescue, "14", 10)
                .iter()
                .any(|n| n.id == brigade.id)
        };
        assert!(!near(&state), "{backend}: committed, not offered");
        let (status, _, _) =
            call(&state, "dispatch/status", &step("withdrawn"), Some(&field)).await;
        assert_eq!(status, 200, "{backend}");
        assert!(near(&state), "{backend}: withdrawn, offered again");
        let detail = app::incidents::service::detail(&state.db, blast.id)
            .await
            .expect("detail");
        let steps: Vec<DispatchStatus> = detail
            .timeline
            .iter()
            .filter_map(|e| e.dispatch.as_ref().map(|m| m.status))
            .collect();
        assert_eq!(
            steps,
            [
                DispatchStatus::Dispatched,
                DispatchStatus::Arrived,
                DispatchStatus::Withdrawn
            ],
            "{backend}"
        );
    }
}

#[tokio::test]
async fn stock_is_counted_out_and_never_below_zero() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let leak = demo_incident(&state, "小店区某化工厂氯气泄漏").await;
        let masks = resource(&state, "省应急物资储备库·防毒面具（演示）").await;
        let cookie = signed_in(&state, "sx.commander").await;
        let (status, _, body) = call(
            &state,
            "dispatch/create",
            &order(leak.id, &[(masks.id, "900")]),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert!(body.contains("库存不足"), "{backend}: {body}");
        let (status, _, _) = call(
            &state,
            "dispatch/create",
            &order(leak.id, &[(masks.id, "-5")]),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 422, "{backend}");
        assert_eq!(
            resource(&state, &masks.name).await.quantity,
            800.0,
            "{backend}: unchanged"
        );
        let (status, _, _) = call(
            &state,
            "dispatch/create",
            &order(leak.id, &[(masks.id, "300")]),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        // A second order draws on the same lot.
        let (status, _, _) = call(
            &state,
            "dispatch/create",
            &order(leak.id, &[(masks.id, "500")]),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        assert_eq!(
            resource(&state, &masks.name).await.quantity,
            0.0,
            "{backend}"
        );
        let (status, _, _) = call(
            &state,
            "dispatch/create",
            &order(leak.id, &[(masks.id, "1")]),
            Some(&cookie),
        )
        .await;
        assert_eq!(status, 422, "{backend}: empty");
    }
}

#[tokio::test]
async fn registry_edits_are_checked_on_the_server() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let duty = signed_in(&state, "ty.duty").await;
        let form = |extra: &str| {
            format!(
                "form%5Bkind%5D=team&form%5Bname%5D=%E6%B5%8B%E8%AF%95%E9%98%9F&form%5Bquantity%5D=12\
                 &form%5Blon%5D=112.55&form%5Blat%5D=37.87&form%5Bregion_code%5D=140100\
                 &form%5Bcapabilities%5D%5B%5D=medical{extra}"
            )
        };
        let (status, _, body) = call(&state, "resources/save", &form(""), Some(&duty)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let id: Uuid = serde_json::from_str(&body).expect("id");
        let stored = app::resources::service::get(&state.db, id)
            .await
            .expect("stored");
        assert_eq!(stored.capabilities, [Capability::Medical], "{backend}");

        let negative = form("").replace("quantity%5D=12", "quantity%5D=-3");
        let (status, _, body) = call(&state, "resources/save", &negative, Some(&duty)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        // Datong is not Taiyuan's to keep.
        let datong = form("")
            .replace("region_code%5D=140100", "region_code%5D=140200")
            .replace("112.55", "113.3")
            .replace("37.87", "40.08");
        let (status, _, body) = call(&state, "resources/save", &datong, Some(&duty)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        // An edit from an older revision is refused; the stored entry is untouched.
        let stale = form(&format!("&form%5Bid%5D={id}&form%5Brevision%5D=0"));
        let (status, _, body) = call(&state, "resources/save", &stale, Some(&duty)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        let edit = form(&format!("&form%5Bid%5D={id}&form%5Brevision%5D=1"))
            .replace("quantity%5D=12", "quantity%5D=15");
        let (status, _, body) = call(&state, "resources/save", &edit, Some(&duty)).await;
        assert_eq!(status, 200, "{backend}: {body}");
        let stored = app::resources::service::get(&state.db, id)
            .await
            .expect("stored");
        assert_eq!((stored.quantity, stored.revision), (15.0, 2), "{backend}");
    }
}
