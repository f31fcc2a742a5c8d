mod call_view;
mod controls;
mod guest_page;
mod invite;
mod lobby_page;
mod room_page;
mod tile;

pub use guest_page::GuestCallPage;
pub use lobby_page::ConsultLobbyPage;
pub use room_page::ConsultRoomPage;
