//! The authoring console: the list, the form, and an alert's page with its workflow.

mod alert_form;
mod alert_page;
mod alerts_page;
mod level_badge;
mod new_alert_page;
mod preview;

pub use alert_page::AlertPage;
pub use alerts_page::AlertsPage;
pub use level_badge::LevelBadge;
pub use new_alert_page::NewAlertPage;
pub use preview::AlertBody;
