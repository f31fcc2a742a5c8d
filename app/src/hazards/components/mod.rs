mod hazard_form;
mod hazard_map;
mod hazards_page;

pub use hazards_page::HazardsPage;
