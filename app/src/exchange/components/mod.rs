mod directive_form;
mod directives;
mod exchange_page;
mod link_status;
mod support_answer;
mod support_form;
mod support_panel;

pub use exchange_page::ExchangePage;
