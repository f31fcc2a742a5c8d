//! Pages and panels of dispatch.

mod board_page;
mod dispatch_card;
mod evaluation_page;
mod field_page;
mod incident_panel;
mod live_cards;
mod order_form;

pub use board_page::DispatchBoardPage;
pub use evaluation_page::EvaluationPage;
pub use field_page::FieldPage;
pub use incident_panel::IncidentDispatchPanel;
