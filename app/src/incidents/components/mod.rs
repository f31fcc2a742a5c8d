//! The duty desk's pages and their parts.

mod actions;
#[cfg(feature = "hydrate")]
mod alarm_sound;
mod attachments;
mod badges;
mod board_table;
mod desk_page;
mod duties;
mod filter_bar;
mod history;
mod incident_page;
mod intake_form;
mod live_board;
mod location_picker;
mod quick_report_page;
mod wall_page;

pub use badges::{DutyClock, GradeBadge, StatusTag};
pub use board_table::place_name;
pub use desk_page::DutyDeskPage;
pub use filter_bar::{FilterBar, use_filter};
pub use incident_page::{IncidentPage, use_incident_id};
#[cfg(feature = "hydrate")]
pub use live_board::use_browser_board;
pub use live_board::{LiveStatus, use_live_board};
pub use quick_report_page::QuickReportPage;
pub use wall_page::WallPage;
