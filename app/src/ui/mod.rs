//! Our small design system: the page frame, badges, form fields, times and addresses every
//! feature uses.

mod badges;
pub mod clock;
mod field;
mod layout;
mod nav;
pub mod time;
mod top_bar;
pub mod url;

pub use badges::{DemoBadge, StatusBadge};
pub use field::{Field, SelectField};
pub use layout::Layout;
