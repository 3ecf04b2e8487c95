//! Settings from the environment, read once at start.
use std::net::SocketAddr;

#[derive(Clone, Debug)]
pub struct Config {
    pub site_addr: SocketAddr,
    pub database_url: String,
    pub demo: bool,
    /// Where people reach the app: the start of every absolute link (invites, calendar files).
    pub public_url: String,
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
            public_url: std::env::var("DOORSTART_PUBLIC_URL")
                .unwrap_or_default()
                .trim()
                .trim_end_matches('/')
                .to_string(),
        }
    }

    /// What must be right before the server starts; the message says what to change.
    pub fn check(&mut self) -> Result<(), String> {
        crate::web::client::TrustedProxies::from_env()
            .map_err(|e| format!("DOORSTART_TRUSTED_PROXIES: {e}"))?;
        if self.public_url.is_empty() {
            if !self.demo {
                return Err(
                    "DOORSTART_PUBLIC_URL is required (for example https://doorstart.example.nl): \
                     invite links and calendar files are built from it, never from the Host header"
                        .into(),
                );
            }
            self.public_url = format!("http://{}", self.site_addr);
        }
        let ok = public_url_ok(&self.public_url);
        ok.then_some(()).ok_or_else(|| {
            format!(
                "DOORSTART_PUBLIC_URL must start with https:// (or http:// for a local demo): {}",
                self.public_url
            )
        })
    }
}

/// `https://host[:port][/path]`, or plain http for a local demo.
pub fn public_url_ok(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.contains(char::is_whitespace) && !r.contains(['?', '#', '"', '<', '>'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls() {
        assert!(public_url_ok("https://doorstart.almelo.nl"));
        assert!(public_url_ok("http://127.0.0.1:3000"));
        assert!(!public_url_ok("doorstart.nl"));
        assert!(!public_url_ok("https://"));
        assert!(!public_url_ok("https://a b"));
        assert!(!public_url_ok("javascript:alert(1)"));
    }
}
