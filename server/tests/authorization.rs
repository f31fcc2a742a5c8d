//! The authorization matrix: every server function and API endpoint, who may call it, checked
//! against the running router. Adding an endpoint starts with adding its row here; a
//! registered endpoint without a row fails `every_endpoint_has_a_row`.

mod support;

use app::identity::Permission;
use app::identity::region_covers;
use server::demo::accounts::{ACCOUNTS, UNITS};
use support::{call, database_urls, signed_in, state, user_id};

#[derive(Clone, Copy, Debug)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user (its own account), who gets the given status.
    SignedIn(u16),
    /// A signed-in user whose role grants the permission; such a caller gets the given status
    /// (200, or 422 / 404 where the sample input is invalid or names nothing).
    Guarded(Permission, u16),
    /// [`Guarded`], on a record of the given region: callers whose jurisdiction does not cover
    /// it get 404, as if it did not exist.
    Record(Permission, &'static str, u16),
}

/// A user creation every administrator's call refuses as invalid (a weak password), so the
/// matrix can run it for every role without creating anything.
const WEAK_USER: &str =
    "username=matrix.user&display_name=M&unit_id=x&role=read_only&password=weak";

/// (endpoint, arguments of a sample call, access). `{ty.duty}` stands for that user's id,
/// `{ty.incident}` for an incident in Taiyuan (140105), `{ty.resource}` for a resource kept in
/// Taiyuan (140100), `{ty.dispatch}` for a dispatch to the Taiyuan incident and `{ty.alert}` for
/// a demo alert of Taiyuan.
const ENDPOINTS: &[(&str, &str, Access)] = &[
    (
        "alerts/list",
        "",
        Access::Guarded(Permission::IncidentRead, 200),
    ),
    (
        "alerts/get",
        "id={ty.alert}",
        Access::Record(Permission::IncidentRead, "140100", 200),
    ),
    (
        "alerts/save",
        "revision=0&form[headline]=",
        Access::Guarded(Permission::AlertPublish, 422),
    ),
    // A stale revision: whoever may act is told the page is out of date.
    (
        "alerts/act",
        "id={ty.alert}&revision=0&action=approve",
        Access::Record(Permission::AlertPublish, "140100", 409),
    ),
    (
        "alerts/from_incident",
        "incident={ty.incident}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "audit/entries",
        "",
        Access::Guarded(Permission::AuditRead, 200),
    ),
    (
        "directory/summary",
        "",
        Access::Guarded(Permission::DirectoryRead, 200),
    ),
    (
        "directory/map",
        "",
        Access::Guarded(Permission::DirectoryRead, 200),
    ),
    (
        "identity/keys",
        "",
        Access::Guarded(Permission::ApiKeyAdmin, 200),
    ),
    (
        "identity/keys/create",
        "name=&unit_id=x&valid_days=0",
        Access::Guarded(Permission::ApiKeyAdmin, 422),
    ),
    (
        "identity/keys/revoke",
        concat!("id=", "00000000-0000-0000-0000-000000000000"),
        Access::Guarded(Permission::ApiKeyAdmin, 404),
    ),
    ("identity/login", "username=x&password=y", Access::Public),
    ("identity/logout", "", Access::Public),
    ("identity/me", "", Access::Public),
    // Any signed-in user, for its own password; a wrong current password is a field error.
    (
        "identity/password",
        "current=x&new=y&confirm=y",
        Access::SignedIn(422),
    ),
    (
        "identity/sessions",
        "",
        Access::Guarded(Permission::UserAdmin, 200),
    ),
    (
        "identity/sessions/revoke",
        concat!("id=", "00000000-0000-0000-0000-000000000000"),
        Access::Guarded(Permission::UserAdmin, 404),
    ),
    (
        "identity/units",
        "",
        Access::Guarded(Permission::UserAdmin, 200),
    ),
    (
        "identity/units/create",
        "name=&tier=national&kind=x&region_code=1&parent_id=x",
        Access::Guarded(Permission::OrgAdmin, 422),
    ),
    (
        "identity/user",
        "id={ty.duty}",
        Access::Record(Permission::UserAdmin, "140100", 200),
    ),
    (
        "identity/users",
        "",
        Access::Guarded(Permission::UserAdmin, 200),
    ),
    (
        "identity/users/active",
        "id={ty.duty}&active=true",
        Access::Record(Permission::UserAdmin, "140100", 200),
    ),
    (
        "identity/users/create",
        WEAK_USER,
        Access::Guarded(Permission::UserAdmin, 422),
    ),
    (
        "identity/users/password",
        "id={ty.duty}&password=weak",
        Access::Record(Permission::UserAdmin, "140100", 422),
    ),
    (
        "identity/users/role",
        "id={ty.duty}&role=duty_officer",
        Access::Record(Permission::UserAdmin, "140100", 200),
    ),
    (
        "incidents/board",
        "",
        Access::Guarded(Permission::IncidentRead, 200),
    ),
    (
        "incidents/create",
        "form%5Btitle%5D=",
        Access::Guarded(Permission::IncidentWrite, 422),
    ),
    (
        "incidents/follow_up",
        "id={ty.incident}&form%5Bnote%5D=",
        Access::Record(Permission::IncidentWrite, "140105", 422),
    ),
    (
        "incidents/get",
        "id={ty.incident}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "incidents/map",
        "",
        Access::Guarded(Permission::IncidentRead, 200),
    ),
    (
        "incidents/note",
        "id={ty.incident}&text=",
        Access::Record(Permission::IncidentWrite, "140105", 422),
    ),
    (
        "incidents/receipt",
        "id={ty.incident}&tier=nowhere",
        Access::Record(Permission::IncidentReport, "140105", 422),
    ),
    (
        "incidents/status",
        "id={ty.incident}&status=nowhere",
        Access::Record(Permission::IncidentWrite, "140105", 422),
    ),
    (
        "exchange/overview",
        "",
        Access::Guarded(Permission::IncidentReport, 200),
    ),
    (
        "exchange/directives",
        "",
        Access::Guarded(Permission::IncidentReport, 200),
    ),
    (
        "exchange/send_directive",
        "form[title]=",
        Access::Guarded(Permission::IncidentReport, 422),
    ),
    (
        "exchange/support",
        "",
        Access::Guarded(Permission::IncidentReport, 200),
    ),
    (
        "exchange/support/request",
        "form[to]=",
        Access::Guarded(Permission::IncidentReport, 422),
    ),
    (
        "exchange/support/answer",
        "form[request]=",
        Access::Guarded(Permission::IncidentReport, 422),
    ),
    (
        "resources/list",
        "",
        Access::Guarded(Permission::ResourceRead, 200),
    ),
    (
        "resources/get",
        "id={ty.resource}",
        Access::Record(Permission::ResourceRead, "140100", 200),
    ),
    (
        "resources/save",
        "form%5Bname%5D=",
        Access::Guarded(Permission::ResourceWrite, 422),
    ),
    (
        "decision/context",
        "id={ty.incident}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "decision/save",
        "id={ty.incident}&scenario[chemical]=",
        Access::Record(Permission::IncidentWrite, "140105", 422),
    ),
    (
        "hazards/list",
        "",
        Access::Guarded(Permission::ResourceRead, 200),
    ),
    (
        "hazards/save",
        "form[name]=",
        Access::Guarded(Permission::ResourceWrite, 422),
    ),
    (
        "resources/candidates",
        "incident={ty.incident}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "dispatch/board",
        "",
        Access::Guarded(Permission::IncidentRead, 200),
    ),
    (
        "dispatch/incident",
        "incident={ty.incident}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "dispatch/create",
        "incident={ty.incident}",
        Access::Record(Permission::Dispatch, "140105", 422),
    ),
    (
        "dispatch/get",
        "id={ty.dispatch}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "dispatch/status",
        "id={ty.dispatch}&status=nowhere",
        Access::Record(Permission::Dispatch, "140105", 422),
    ),
    (
        "dispatch/position",
        "id={ty.dispatch}&lon=&lat=",
        Access::Record(Permission::Dispatch, "140105", 422),
    ),
    (
        "video/lobby",
        "",
        Access::Guarded(Permission::IncidentRead, 200),
    ),
    (
        "video/invitations",
        r#"{"room":{"kind":"adhoc","name":"x"}}"#,
        Access::Guarded(Permission::IncidentWrite, 200),
    ),
    // No such expert: whoever may invite is told which field is wrong.
    (
        "video/invite",
        r#"{"room":{"kind":"adhoc","name":"x"},"expert":"00000000-0000-0000-0000-000000000000","hours":4}"#,
        Access::Guarded(Permission::IncidentWrite, 422),
    ),
    (
        "video/revoke_invitation",
        "id=00000000-0000-0000-0000-000000000000",
        Access::Guarded(Permission::IncidentWrite, 404),
    ),
    // The invited expert's page: open, answering nothing for a secret that admits no one.
    ("video/invitation", "secret=0123", Access::Public),
    (
        "cameras/list",
        "",
        Access::Guarded(Permission::IncidentRead, 200),
    ),
    (
        "cameras/incident",
        "incident={ty.incident}",
        Access::Record(Permission::IncidentRead, "140105", 200),
    ),
    (
        "cameras/register",
        "form[name]=",
        Access::Guarded(Permission::IncidentWrite, 422),
    ),
    (
        "cameras/remove",
        "id=00000000-0000-0000-0000-000000000000",
        Access::Guarded(Permission::IncidentWrite, 404),
    ),
    (
        "hall/view",
        "",
        Access::Guarded(Permission::HallControl, 200),
    ),
    (
        "hall/act",
        r#"{"device":"nowhere","action":"home"}"#,
        Access::Guarded(Permission::HallControl, 422),
    ),
    (
        "hall/recall",
        "id=00000000-0000-0000-0000-000000000000",
        Access::Guarded(Permission::HallControl, 404),
    ),
    (
        "hall/save_scene",
        r#"{"scene":{"name":"","windows":[]}}"#,
        Access::Guarded(Permission::HallControl, 422),
    ),
    ("site/info", "", Access::Public),
];

/// The JSON API: (path, the permission a key's scope must grant; `None`: any valid key).
const API_ENDPOINTS: &[(&str, Option<Permission>)] = &[
    ("/api/v1/whoami", None),
    ("/api/v1/directory", Some(Permission::DirectoryRead)),
    ("/api/v1/models/chemicals", None),
];

#[test]
fn every_endpoint_has_a_row() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    for path in &registered {
        assert!(
            ENDPOINTS.iter().any(|(endpoint, _, _)| endpoint == path),
            "server function {path} has no row in the authorization matrix"
        );
    }
    for (endpoint, _, _) in ENDPOINTS {
        assert!(
            registered.iter().any(|p| p == endpoint),
            "{endpoint} is not a server function"
        );
    }
}

#[tokio::test]
async fn each_endpoint_answers_each_role_as_the_matrix_says() {
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let ty_duty = user_id(&state, "ty.duty").await;
        let ty_incident = support::taiyuan_incident(&state).await;
        let (ty_resource, ty_dispatch) = support::taiyuan_dispatch(&state, ty_incident).await;
        let ty_alert = support::taiyuan_alert(&state).await;
        let mut sessions = Vec::new();
        for (username, _, unit, role) in ACCOUNTS {
            let region = UNITS[unit].3;
            sessions.push((username, role, region, signed_in(&state, username).await));
        }
        for (endpoint, args, access) in ENDPOINTS {
            if *endpoint == "identity/logout" {
                continue; // would end the sessions this test uses; covered in identity.rs
            }
            let args = args
                .replace("{ty.duty}", &ty_duty.to_string())
                .replace("{ty.incident}", &ty_incident.to_string())
                .replace("{ty.resource}", &ty_resource.to_string())
                .replace("{ty.dispatch}", &ty_dispatch.to_string())
                .replace("{ty.alert}", &ty_alert.to_string());
            let (anonymous, _, _) = call(&state, endpoint, &args, None).await;
            let expected = match access {
                Access::Public => 200,
                Access::SignedIn(..) | Access::Guarded(..) | Access::Record(..) => 401,
            };
            assert_eq!(anonymous, expected, "{backend}: anonymous {endpoint}");
            for (username, role, region, cookie) in &sessions {
                let (status, _, body) = call(&state, endpoint, &args, Some(cookie)).await;
                let expected = match access {
                    Access::Public => 200,
                    Access::SignedIn(status) => *status,
                    Access::Guarded(p, _) | Access::Record(p, _, _) if !role.can(*p) => 403,
                    Access::Guarded(_, allowed) => *allowed,
                    Access::Record(_, record, allowed) => {
                        if region_covers(region, record) {
                            *allowed
                        } else {
                            404
                        }
                    }
                };
                assert_eq!(
                    status, expected,
                    "{backend}: {username} ({role:?}) {endpoint}: {body}"
                );
            }
        }
    }
}

#[tokio::test]
async fn refusals_are_audited() {
    use app::audit::AuditQuery;
    let (_, url) = database_urls().await.remove(0);
    let state = state(&url, true).await;
    let ty_duty = user_id(&state, "ty.duty").await;
    let datong_admin = signed_in(&state, "dt.admin").await;
    let (status, _, _) = call(
        &state,
        "identity/user",
        &format!("id={ty_duty}"),
        Some(&datong_admin),
    )
    .await;
    assert_eq!(status, 404, "another city's user does not exist for Datong");
    let reader = signed_in(&state, "ty.readonly").await;
    let (status, _, _) = call(&state, "identity/users", "", Some(&reader)).await;
    assert_eq!(status, 403);

    let query = AuditQuery {
        action: Some("access.refused".into()),
        ..Default::default()
    };
    let page = app::audit::service::browse(&state.db, &query)
        .await
        .expect("browse");
    let targets: Vec<(&str, &str)> = page
        .entries
        .iter()
        .map(|e| {
            (
                e.target.as_str(),
                e.diff["outcome"][1].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let record = format!("user:{ty_duty}");
    assert!(
        targets.contains(&(record.as_str(), "out_of_jurisdiction")),
        "{targets:?}"
    );
    assert!(
        targets.contains(&("endpoint:/api/identity/users", "forbidden")),
        "{targets:?}"
    );
}

#[tokio::test]
async fn each_api_endpoint_answers_each_scope_as_the_matrix_says() {
    use app::identity::ApiScope;
    use app::identity::service::{NewApiKey, create_api_key, units_within};
    for (backend, url) in database_urls().await {
        let state = state(&url, true).await;
        let taiyuan = units_within(&state.db, "140100").await.expect("units")[0].id;
        let mut keys = Vec::new();
        for scope in ApiScope::ALL {
            let new = NewApiKey {
                name: format!("matrix {}", scope.key()),
                unit_id: taiyuan,
                scopes: vec![scope],
                valid_days: 1,
            };
            let issued = create_api_key(&state.db, &app::audit::Actor::System, "sx", new);
            keys.push((scope, issued.await.expect("key").key));
        }
        for (path, permission) in API_ENDPOINTS {
            let (status, _) = support::api_get(&state, path, "").await;
            assert_eq!(status, 401, "{backend}: no key on {path}");
            for (scope, key) in &keys {
                let (status, body) = support::api_get(&state, path, key).await;
                let expected = match permission {
                    Some(p) if scope.permission() != *p => 403,
                    _ => 200,
                };
                assert_eq!(
                    status,
                    expected,
                    "{backend}: {} on {path}: {body}",
                    scope.key()
                );
            }
        }
    }
}
