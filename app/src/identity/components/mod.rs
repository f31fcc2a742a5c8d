mod admin;
mod login_page;
mod signed_in;
mod user_menu;

pub use admin::*;
pub use login_page::LoginPage;
pub use signed_in::SignedIn;
pub use user_menu::UserMenu;
