//! 系统管理: users, units, API keys, sessions and the audit log, one page each under a
//! common frame.

mod frame;
mod keys;
mod sessions;
mod units;
mod user_detail;
mod users;

pub use frame::AdminFrame;
pub use keys::KeysPage;
pub use sessions::SessionsPage;
pub use units::UnitsPage;
pub use user_detail::UserDetailPage;
pub use users::UsersPage;
