mod controls;
mod lobby_page;
mod room_page;
mod tile;

pub use lobby_page::ConsultLobbyPage;
pub use room_page::ConsultRoomPage;
