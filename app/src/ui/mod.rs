//! Our small design system: the page frame and the badges every feature uses.

mod badges;
mod field;
mod layout;
mod nav;
mod top_bar;

pub use badges::{DemoBadge, StatusBadge};
pub use field::SelectField;
pub use layout::Layout;
