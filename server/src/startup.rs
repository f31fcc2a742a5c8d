//! Bringing a node up: database, migrations, demo data, router, and a graceful stop.

use app::site::SiteInfo;
use app::state::AppState;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use sea_orm_migration::MigratorTrait;
use std::net::SocketAddr;
use tokio::net::TcpListener;

use crate::config::Config;

pub use crate::http::build_router;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open the database {url}")]
    Database {
        url: String,
        #[source]
        source: app::db::ConnectError,
    },
    #[error("a database migration failed")]
    Migration(#[source] sea_orm::DbErr),
    #[error("cannot load the demo data")]
    Demo(#[source] app::directory::service::DirectoryError),
    #[error("cannot create the demo accounts")]
    DemoAccounts(#[source] app::identity::service::IdentityError),
    #[error("cannot join the live bus at {url}")]
    Nats {
        url: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("the demo incidents could not be recorded")]
    DemoIncidents(#[source] crate::demo::incidents::DemoError),
    #[error("the demo resources could not be recorded")]
    DemoResources(#[source] app::resources::service::ResourceError),
    #[error("cannot read the resource registry")]
    ResourceIndex(#[source] app::resources::service::ResourceError),
    #[error("the built site is missing at {0} (run `make site`)")]
    SiteMissing(String),
    #[error("cannot listen on {addr}")]
    Listen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open the media socket (UDP) on {addr}")]
    Media {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the server stopped with an error")]
    Serve(#[source] std::io::Error),
    #[error("cannot read the audit log")]
    Audit(#[source] sea_orm::DbErr),
    #[error("a database query failed")]
    Query(#[source] sea_orm::DbErr),
    #[error(
        "this node has no administrator yet: create one with `yingji user create-admin --username NAME --display-name NAME` (or start with YINGJI_DEMO=true)"
    )]
    NoAdministrator,
    #[error("cannot create the administrator")]
    Identity(#[source] app::identity::service::IdentityError),
    #[error("the node key")]
    NodeKey(#[source] crate::exchange::keys::KeyError),
    #[error("invalid registration: {0}")]
    Registration(String),
}

/// The error and its causes on one line, for the operator.
pub fn describe(err: &StartupError) -> String {
    app::error::cause_chain(err)
}

/// Opens the database and brings its schema up to date.
pub async fn open_database(url: &str) -> Result<DatabaseConnection, StartupError> {
    let db = app::db::connect(url)
        .await
        .map_err(|source| StartupError::Database {
            url: app::db::redact(url),
            source,
        })?;
    app::db::Migrator::up(&db, None)
        .await
        .map_err(StartupError::Migration)?;
    Ok(db)
}

pub async fn migrate_only(config: &Config) -> Result<(), StartupError> {
    open_database(&config.database_url).await?;
    tracing::info!("migrations applied");
    Ok(())
}

/// Creates an administrator in the node's own unit (created from the node identity if absent).
pub async fn create_admin(
    config: &Config,
    username: String,
    display_name: String,
    password: String,
) -> Result<(), StartupError> {
    use app::audit::Actor;
    use app::identity::service::{NewOrgUnit, NewUser, create_org_unit, create_user, root_unit};
    use app::identity::{OrgKind, Role};
    let db = open_database(&config.database_url).await?;
    let node = &config.node;
    let unit = match root_unit(&db).await.map_err(StartupError::Query)? {
        Some(unit) => unit,
        None => {
            let unit = NewOrgUnit {
                name: node.name.clone(),
                tier: node.tier,
                kind: OrgKind::EmergencyDept,
                region_code: node.region_code.clone(),
                parent_id: None,
                demo: false,
            };
            create_org_unit(&db, &Actor::System, &node.id, unit)
                .await
                .map_err(StartupError::Identity)?
        }
    };
    let user = NewUser {
        username: username.clone(),
        display_name,
        org_unit_id: unit,
        role: Role::Admin,
        password,
        demo: false,
    };
    create_user(&db, &Actor::System, &node.id, user)
        .await
        .map_err(StartupError::Identity)?;
    tracing::info!(username, "administrator created");
    Ok(())
}

/// The result of `yingji audit verify`, for the operator.
pub struct AuditReport {
    pub intact: bool,
    pub message: String,
}

pub async fn verify_audit(config: &Config) -> Result<AuditReport, StartupError> {
    use app::audit::{BreakKind, Verification};
    let db = open_database(&config.database_url).await?;
    let report = match app::audit::service::verify(&db)
        .await
        .map_err(StartupError::Audit)?
    {
        Verification::Intact { records } => AuditReport {
            intact: true,
            message: format!("audit chain intact: {records} records"),
        },
        Verification::Broken(at) => {
            let why = match at.kind {
                BreakKind::ContentChanged => "its content was changed after it was written",
                BreakKind::LinkBroken => "it does not link to the record before it",
                BreakKind::Gap => "the record before it is missing",
                BreakKind::HeadMismatch => "records after it were removed",
            };
            let id = at.id.map(|id| format!(" (id {id})")).unwrap_or_default();
            AuditReport {
                intact: false,
                message: format!("audit chain broken at record {}{id}: {why}", at.seq),
            }
        }
    };
    Ok(report)
}

/// Everything the router needs, from a checked configuration.
pub async fn prepare(config: &Config) -> Result<AppState, StartupError> {
    let db = open_database(&config.database_url).await?;
    let bus = app::live::Bus::new();
    if let Some(url) = &config.nats_url {
        crate::realtime::nats::connect(url, &config.node.id, &bus)
            .await
            .map_err(|source| StartupError::Nats {
                url: url.clone(),
                source,
            })?;
    }
    let site = SiteInfo {
        node: config.node.clone(),
        demo: config.demo,
        tiles: config.tiles.clone(),
        public_base: config.public_url.clone(),
    };
    if config.demo {
        let added = crate::demo::load(&db, &config.node.id)
            .await
            .map_err(StartupError::Demo)?;
        let accounts = crate::demo::accounts::load(&db, &config.node.id)
            .await
            .map_err(StartupError::DemoAccounts)?;
        // Once, with the accounts: the demo incidents' clocks start at that first start.
        let (incidents, resources) = if accounts > 0 {
            let resources = crate::demo::resources::load(&db, &config.node.id)
                .await
                .map_err(StartupError::DemoResources)?;
            crate::demo::hazards::load(&db, &config.node.id)
                .await
                .map_err(StartupError::DemoResources)?;
            let incidents = crate::demo::incidents::load(&db, &bus, &config.node.id)
                .await
                .map_err(StartupError::DemoIncidents)?;
            crate::demo::alerts::load(&db, &site)
                .await
                .map_err(StartupError::DemoResources)?;
            (incidents, resources)
        } else {
            (0, 0)
        };
        let hall = crate::demo::hall::load(&db, &config.node.id)
            .await
            .map_err(StartupError::Query)?;
        tracing::info!(
            added,
            accounts,
            hall,
            incidents,
            resources,
            "demo data set (演示数据) loaded"
        );
    }
    let hall = crate::hall::runtime::start(&db, &bus, &config.node.region_code).await;
    let mut media =
        crate::video::MediaService::start(config.media).map_err(|source| StartupError::Media {
            addr: config.media.bind.to_string(),
            source,
        })?;
    if let Some(url) = &config.nats_url {
        // Scene video travels between tiers over the same NATS links as the exchange; the
        // client keeps trying while the nats-server is away.
        let client = async_nats::ConnectOptions::new()
            .retry_on_initial_connect()
            .connect(url.as_str())
            .await
            .map_err(|source| StartupError::Nats {
                url: url.clone(),
                source: source.into(),
            })?;
        media = media.relay(client, config.node.id.clone(), db.clone());
    }
    let media = app::video::MediaLink(std::sync::Arc::new(media));
    // Every registered camera is pulled from the start, so its state is known before anyone
    // asks (a camera that cannot be reached shows 离线 with the reason).
    let cameras = app::cameras::service::all(&db)
        .await
        .map_err(|e| StartupError::Query(sea_orm::DbErr::Custom(e.to_string())))?;
    for camera in cameras {
        media.0.watch_camera(camera);
    }
    let resources = app::resources::service::load_index(&db)
        .await
        .map_err(StartupError::ResourceIndex)?;
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build();
    Ok(AppState {
        leptos_options,
        db,
        site,
        bus,
        files_dir: config.files_dir.clone(),
        resources,
        exchange: app::exchange::LinkBoard::default(),
        hall,
        media,
    })
}

/// Serves until SIGINT or SIGTERM, then finishes the requests in flight.
pub async fn run(config: Config) -> Result<(), StartupError> {
    let wasm = config
        .site_root
        .join("pkg")
        .join(format!("{}.js", app::OUTPUT_NAME));
    if !wasm.exists() {
        return Err(StartupError::SiteMissing(
            config.site_root.display().to_string(),
        ));
    }
    let state = prepare(&config).await?;
    if !app::identity::service::has_admin(&state.db)
        .await
        .map_err(StartupError::Query)?
    {
        return Err(StartupError::NoAdministrator);
    }
    let listener =
        TcpListener::bind(config.listen)
            .await
            .map_err(|source| StartupError::Listen {
                addr: config.listen.to_string(),
                source,
            })?;
    tracing::info!(
        addr = %config.listen,
        node = %config.node.id,
        demo = config.demo,
        "Yingji is listening on http://{}",
        config.listen
    );
    crate::exchange::start(&state, &config)
        .await
        .map_err(StartupError::NodeKey)?;
    let db = state.db.clone();
    // The peer's address feeds login throttling and the session list (a reverse proxy in
    // front would appear as the one client: its forwarded headers are not trusted).
    let service = build_router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(StartupError::Serve)?;
    if let Err(err) = db.close().await {
        tracing::warn!(error = %err, "closing the database");
    }
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
