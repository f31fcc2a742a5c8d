//! The hall's device protocols as pure codecs: typed commands in, bytes out; bytes in, typed
//! replies or the device's own error codes out. No I/O here, so every vector from the manuals
//! is a unit test.

pub mod extron;
pub mod kramer;
pub mod pjlink;
pub mod visca;
