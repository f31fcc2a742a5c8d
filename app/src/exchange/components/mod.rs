mod directive_form;
mod directives;
mod exchange_page;
mod link_status;

pub use exchange_page::ExchangePage;
