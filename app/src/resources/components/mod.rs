//! Pages and panels of the registries.

mod import_panel;
mod registry_page;
mod resource_editor;
mod resource_table;

pub use registry_page::RegistryPage;
pub use resource_table::capability_list;
