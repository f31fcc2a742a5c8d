mod device_card;
mod hall_page;
mod ptz_pad;
mod scene_bar;
mod wall_editor;

pub use hall_page::HallPage;
