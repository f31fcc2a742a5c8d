//! The HTML shell, the root component and the route table.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::audit::AuditPage;
use crate::dispatch::{DispatchBoardPage, EvaluationPage, FieldPage};
use crate::error::NotFoundPage;
use crate::home::HomePage;
use crate::i18n::{detect_locale, provide_i18n};
use crate::identity::{
    AccountPage, AdminFrame, KeysPage, LoginPage, SessionsPage, UnitsPage, UserDetailPage,
    UsersPage, provide_current_user,
};
use crate::incidents::{DutyDeskPage, IncidentPage, QuickReportPage, WallPage};
use crate::map::SituationMapPage;
use crate::resources::RegistryPage;
use crate::sections::{Section, UnderConstructionPage};
use crate::site::provide_site;
use crate::ui::Layout;

/// Base name of the wasm bundle and stylesheet under `/pkg`.
pub const OUTPUT_NAME: &str = "yingji";

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=detect_locale().tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <meta name=crate::live::AFTER_META content=crate::live::rendered_head() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href="/vendor/leaflet/leaflet.css" />
                <link rel="stylesheet" href="/vendor/leaflet/MarkerCluster.css" />
                <link rel="stylesheet" href=format!("/pkg/{OUTPUT_NAME}.css") />
                // Leaflet binds the global `L`: a classic deferred script, run before hydration.
                <script defer src="/vendor/leaflet/leaflet.js"></script>
                <script defer src="/vendor/leaflet/leaflet.markercluster.js"></script>
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    provide_site();
    provide_current_user();
    crate::live::provide_live();
    crate::ui::clock::provide_clock();

    // A section page for each subsystem still under construction.
    let building = |section: Section| move || view! { <UnderConstructionPage section /> };
    // Async: whole pages, so they read right without JavaScript (portal, print, slow links).
    let ssr = SsrMode::Async;

    view! {
        <Title formatter=move |page: String| format!("{page} · {}", i18n.t().app_name) />
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("login") view=LoginPage ssr=ssr.clone() />
                    // An invited expert's page: the link's secret is the key.
                    <Route path=path!("video/join/:secret") view=crate::video::GuestCallPage ssr=ssr.clone() />
                    // Every other page needs a session (the server sends the signed-out to sign in).
                    <Route path=path!("") view=HomePage ssr=ssr.clone() />
                    <Route path=path!("map") view=SituationMapPage ssr=ssr.clone() />
                    <Route path=path!("duty") view=DutyDeskPage ssr=ssr.clone() />
                    <Route path=path!("wall") view=WallPage ssr=ssr.clone() />
                    <Route path=path!("incidents/:id") view=IncidentPage ssr=ssr.clone() />
                    <Route path=path!("incidents/:id/report") view=QuickReportPage ssr=ssr.clone() />
                    <Route path=path!("resources") view=RegistryPage ssr=ssr.clone() />
                    <Route path=path!("incidents/:id/evaluation") view=EvaluationPage ssr=ssr.clone() />
                    <Route path=path!("incidents/:id/decision") view=crate::decision::DecisionPage ssr=ssr.clone() />
                    <Route path=path!("dispatch") view=DispatchBoardPage ssr=ssr.clone() />
                    <Route path=path!("dispatch/:id/field") view=FieldPage ssr=ssr.clone() />
                    <Route path=path!("decision") view=crate::hazards::HazardsPage ssr=ssr.clone() />
                    <Route path=path!("plans") view=building(Section::Plans) ssr=ssr.clone() />
                    <Route path=path!("drills") view=building(Section::Drills) ssr=ssr.clone() />
                    <Route path=path!("stats") view=building(Section::Stats) ssr=ssr.clone() />
                    <Route path=path!("video") view=crate::video::ConsultLobbyPage ssr=ssr.clone() />
                    <Route path=path!("video/incident/:id") view=crate::video::ConsultRoomPage ssr=ssr.clone() />
                    <Route path=path!("video/room/:name") view=crate::video::ConsultRoomPage ssr=ssr.clone() />
                    <Route path=path!("video/cameras") view=crate::cameras::CamerasPage ssr=ssr.clone() />
                    <Route path=path!("video/camera/:id") view=crate::cameras::CameraPage ssr=ssr.clone() />
                    <Route path=path!("hall") view=crate::hall::HallPage ssr=ssr.clone() />
                    <Route path=path!("alerts") view=crate::alerts::AlertsPage ssr=ssr.clone() />
                    <Route path=path!("alerts/new") view=crate::alerts::NewAlertPage ssr=ssr.clone() />
                    <Route path=path!("alerts/:id") view=crate::alerts::AlertPage ssr=ssr.clone() />
                    <Route path=path!("exchange") view=crate::exchange::ExchangePage ssr=ssr.clone() />
                    <Route path=path!("account") view=AccountPage ssr=ssr.clone() />
                    <Route path=path!("admin") view=admin(UsersPage) ssr=ssr.clone() />
                    <Route path=path!("admin/users/:id") view=admin(UserDetailPage) ssr=ssr.clone() />
                    <Route path=path!("admin/units") view=admin(UnitsPage) ssr=ssr.clone() />
                    <Route path=path!("admin/keys") view=admin(KeysPage) ssr=ssr.clone() />
                    <Route path=path!("admin/sessions") view=admin(SessionsPage) ssr=ssr.clone() />
                    <Route path=path!("admin/audit") view=admin(AuditPage) ssr />
                </Routes>
            </Layout>
        </Router>
    }
}

/// A page of the administration, under the administration's tabs.
fn admin<V: IntoView + 'static>(
    page: impl Fn() -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || {
        let page = page.clone();
        view! { <AdminFrame>{page()}</AdminFrame> }.into_any()
    }
}
