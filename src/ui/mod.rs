//! Shared view pieces: layout, quick exit, language picker, icons.
pub mod forms;
pub mod icons;
mod layout;

pub use icons::{Icon, IconName};
pub use layout::{ErrorNote, Footer, Header, NotFound, QuickExit};
