mod admin_page;
mod login_page;
mod user_menu;

pub use admin_page::AdminPage;
pub use login_page::LoginPage;
pub use user_menu::UserMenu;
