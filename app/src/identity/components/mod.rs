mod account_page;
mod admin;
mod login_page;
mod user_menu;

pub use account_page::AccountPage;
pub use admin::*;
pub use login_page::LoginPage;
pub use user_menu::UserMenu;
