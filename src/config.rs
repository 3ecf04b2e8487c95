//! Settings from the environment, read once at start. A setting that is set but wrong stops the
//! server at start with a clear error, rather than being ignored in silence.
use std::net::SocketAddr;

/// The shortest pepper for pick-up codes we accept (`DOORSTART_PEPPER`).
pub const PEPPER_MIN_CHARS: usize = 32;

/// New help requests site-wide per hour when `DOORSTART_HELP_PER_HOUR` is not set: what a small
/// team of volunteers can read in a day is about this many an hour at a peak.
pub const HELP_PER_HOUR: u32 = 60;

/// Forms (join, RSVP, help) per client in 10 minutes when `DOORSTART_FORM_LIMIT` is not set.
pub const FORM_LIMIT: u32 = 10;

#[derive(Clone, Debug)]
pub struct Config {
    pub site_addr: SocketAddr,
    pub database_url: String,
    pub demo: bool,
    pub limits: LimitSettings,
    /// Where people reach the app: the start of every absolute link (invites, calendar files).
    pub public_url: String,
}

/// Limits that protect the service and the volunteers, as the router needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitSettings {
    /// Join, RSVP and help posts per client in 10 minutes (`DOORSTART_FORM_LIMIT`).
    pub forms_per_10_minutes: u32,
    /// New help requests site-wide in the last hour, counted in the database so every
    /// instance shares it (`DOORSTART_HELP_PER_HOUR`).
    pub help_per_hour: u32,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            forms_per_10_minutes: FORM_LIMIT,
            help_per_hour: HELP_PER_HOUR,
        }
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "DOORSTART_PEPPER has {0} characters; it needs at least {PEPPER_MIN_CHARS} \
         (or leave it unset and the app keeps one in the database)"
    )]
    ShortPepper(usize),
    #[error("{name} must be a whole number from {min} to {max}, not {value:?}")]
    OutOfRange {
        name: &'static str,
        value: String,
        min: i64,
        max: i64,
    },
}

/// The pepper rule: unset or empty means "none" (the app makes one and keeps it in
/// `app_secrets`); set, it must be at least `PEPPER_MIN_CHARS` characters.
pub fn check_pepper(value: Option<&str>) -> Result<Option<&str>, ConfigError> {
    match value {
        None | Some("") => Ok(None),
        Some(p) if p.chars().count() < PEPPER_MIN_CHARS => {
            Err(ConfigError::ShortPepper(p.chars().count()))
        }
        Some(p) => Ok(Some(p)),
    }
}

/// `DOORSTART_PEPPER` by the rule above.
pub fn pepper_from_env() -> Result<Option<String>, ConfigError> {
    let value = std::env::var("DOORSTART_PEPPER").ok();
    check_pepper(value.as_deref()).map(|p| p.map(str::to_string))
}

/// A whole number in `min..=max`, or `default` when unset or empty.
pub fn check_number(
    name: &'static str,
    value: Option<&str>,
    default: i64,
    min: i64,
    max: i64,
) -> Result<i64, ConfigError> {
    match value.map(str::trim) {
        None | Some("") => Ok(default),
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| ConfigError::OutOfRange {
                name,
                value: v.chars().take(20).collect(),
                min,
                max,
            }),
    }
}

/// A whole-number setting from the environment (see `check_number`).
pub fn number_from_env(
    name: &'static str,
    default: i64,
    min: i64,
    max: i64,
) -> Result<i64, ConfigError> {
    check_number(name, std::env::var(name).ok().as_deref(), default, min, max)
}

impl LimitSettings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Ok(Self {
            // As before: a wrong value falls back to the default (it only loosens or tightens
            // a per-client limit).
            forms_per_10_minutes: std::env::var("DOORSTART_FORM_LIMIT")
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|n| *n >= 1)
                .unwrap_or(FORM_LIMIT),
            help_per_hour: number_from_env(
                "DOORSTART_HELP_PER_HOUR",
                HELP_PER_HOUR as i64,
                1,
                100_000,
            )? as u32,
        })
    }
}

impl Config {
    pub fn from_env(site_addr: SocketAddr) -> Result<Self, ConfigError> {
        pepper_from_env()?;
        Ok(Self {
            site_addr,
            database_url: std::env::var("DATABASE_URL")
                .ok()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| "sqlite://doorstart.db".to_string()),
            demo: std::env::var("DOORSTART_DEMO").is_ok_and(|v| v == "1" || v == "true"),
            limits: LimitSettings::from_env()?,
            public_url: std::env::var("DOORSTART_PUBLIC_URL")
                .unwrap_or_default()
                .trim()
                .trim_end_matches('/')
                .to_string(),
        })
    }

    /// What must be right before the server starts; the message says what to change.
    pub fn check(&mut self) -> Result<(), String> {
        crate::web::client::TrustedProxies::from_env()
            .map_err(|e| format!("DOORSTART_TRUSTED_PROXIES: {e}"))?;
        if self.public_url.is_empty() {
            if !self.demo {
                return Err("DOORSTART_PUBLIC_URL is required (for example \
                     https://doorstart.example.nl): invite links and calendar files are built \
                     from it, never from the Host header"
                    .into());
            }
            self.public_url = format!("http://{}", self.site_addr);
        }
        public_url_ok(&self.public_url)
            .then_some(())
            .ok_or_else(|| {
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

    #[test]
    fn a_short_pepper_is_an_error_not_ignored() {
        assert_eq!(check_pepper(None), Ok(None));
        assert_eq!(check_pepper(Some("")), Ok(None));
        assert_eq!(
            check_pepper(Some("too-short")),
            Err(ConfigError::ShortPepper(9))
        );
        let just = "p".repeat(PEPPER_MIN_CHARS);
        assert_eq!(check_pepper(Some(&just)), Ok(Some(just.as_str())));
        assert_eq!(
            check_pepper(Some(&"p".repeat(PEPPER_MIN_CHARS - 1))),
            Err(ConfigError::ShortPepper(PEPPER_MIN_CHARS - 1))
        );
        // Characters, not bytes: 16 two-byte letters are 16 characters.
        assert!(check_pepper(Some(&"é".repeat(16))).is_err());
        // The message says what to do and never repeats the secret.
        let message = check_pepper(Some("secret-but-short"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("DOORSTART_PEPPER") && message.contains("32"));
        assert!(!message.contains("secret-but-short"));
    }

    #[test]
    fn numbers_are_checked_not_ignored() {
        let n = |v: Option<&str>| check_number("X", v, 60, 1, 90);
        assert_eq!(n(None), Ok(60));
        assert_eq!(n(Some("")), Ok(60));
        assert_eq!(n(Some(" 30 ")), Ok(30));
        assert_eq!(n(Some("90")), Ok(90));
        assert!(n(Some("91")).is_err());
        assert!(n(Some("0")).is_err());
        assert!(n(Some("many")).is_err());
    }
}
