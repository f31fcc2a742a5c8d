//! 总览: the landing page of a node.

mod page;

pub use page::HomePage;
