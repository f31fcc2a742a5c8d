mod decision_page;
mod scenario_form;
mod zone_map;
mod zone_summary;

pub use decision_page::DecisionPage;
