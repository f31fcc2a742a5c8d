mod hazard_form;
mod hazards_page;

pub use hazards_page::HazardsPage;
