//! ssr: the database connection and the one migration set for SQLite and PostgreSQL.

mod connect;
mod migrations;

pub use connect::{ConnectError, connect, redact};
pub use migrations::Migrator;
