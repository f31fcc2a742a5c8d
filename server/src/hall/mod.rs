//! 指挥大厅: the command hall's displays, video wall, matrix switchers and PTZ cameras, reached
//! through their own control protocols — pure codecs, one driver per protocol, one actor per
//! device — and simulators of each device for tests and demonstrations.

pub mod actor;
pub mod codec;
pub mod commands;
pub mod devices;
pub mod driver;
pub mod runtime;
pub mod sim;
