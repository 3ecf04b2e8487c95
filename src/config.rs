//! Settings from the environment, read once at start.
use std::net::SocketAddr;

#[derive(Clone, Debug)]
pub struct Config {
    pub site_addr: SocketAddr,
    pub database_url: String,
    pub demo: bool,
}

impl Config {
    pub fn from_env(site_addr: SocketAddr) -> Self {
        Self {
            site_addr,
            database_url: std::env::var("DATABASE_URL")
                .ok()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| "sqlite://doorstart.db".to_string()),
            demo: std::env::var("DOORSTART_DEMO").is_ok_and(|v| v == "1" || v == "true"),
        }
    }
}
