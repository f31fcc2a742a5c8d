//! Our small design system: the page frame, badges, form fields, times and addresses every
//! feature uses.

mod badges;
pub mod clock;
mod field;
pub mod form_reader;
mod layout;
mod nav;
pub mod time;
mod top_bar;
#[cfg(feature = "hydrate")]
pub mod upload;
pub mod url;

pub use badges::{DemoBadge, OriginBadge, StatusBadge};
pub use field::{Field, SelectField};
pub use layout::Layout;
