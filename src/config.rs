//! Settings from the environment, read once at start. A setting that is set but wrong stops the
//! server at start with a clear error, rather than being ignored in silence.
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

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

/// Which one header a trusted proxy tells the client's address in (`DOORSTART_PROXY_HEADER`).
/// Exactly one is read, never the other: a proxy that only appends `X-Forwarded-For` passes a
/// client's own `Forwarded` header on untouched, so reading both lets a client pick its key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProxyHeader {
    #[default]
    XForwardedFor,
    Forwarded,
}

impl ProxyHeader {
    pub fn parse(value: Option<&str>) -> Result<Self, String> {
        match value.map(str::trim) {
            None | Some("") => Ok(Self::default()),
            Some(v) if v.eq_ignore_ascii_case("x-forwarded-for") => Ok(Self::XForwardedFor),
            Some(v) if v.eq_ignore_ascii_case("forwarded") => Ok(Self::Forwarded),
            Some(v) => Err(format!(
                "DOORSTART_PROXY_HEADER must be X-Forwarded-For or Forwarded, not {:?}",
                v.chars().take(40).collect::<String>()
            )),
        }
    }
}

/// Who stands in front of the app and how it speaks: read once, in one place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProxySettings {
    pub trusted: TrustedProxies,
    pub header: ProxyHeader,
}

impl ProxySettings {
    pub fn parse(trusted: &str, header: Option<&str>) -> Result<Self, String> {
        Ok(Self {
            trusted: TrustedProxies::parse(trusted)
                .map_err(|e| format!("DOORSTART_TRUSTED_PROXIES: {e}"))?,
            header: ProxyHeader::parse(header)?,
        })
    }

    /// `DOORSTART_TRUSTED_PROXIES` and `DOORSTART_PROXY_HEADER`.
    pub fn from_env() -> Result<Self, String> {
        Self::parse(
            &std::env::var("DOORSTART_TRUSTED_PROXIES").unwrap_or_default(),
            std::env::var("DOORSTART_PROXY_HEADER").ok().as_deref(),
        )
    }
}

/// Addresses and networks (CIDR) of the proxies in front of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// `"10.0.0.1, 192.168.0.0/16, ::1, fd00::/8"`; empty means none.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (item, None),
            };
            let ip: IpAddr = addr
                .parse()
                .map_err(|_| format!("not an address: {item}"))?;
            let max = if ip.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                Some(b) => b
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= max)
                    .ok_or_else(|| format!("not a prefix length: {item}"))?,
                None => max,
            };
            nets.push((ip, bits));
        }
        Ok(TrustedProxies(nets))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0
            .iter()
            .any(|(net, bits)| in_net(ip, canonical(*net), *bits))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is the IPv4 address.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn in_net(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    let mask = |width: u32| -> u128 {
        if bits == 0 {
            0
        } else {
            (!0u128 << (width - bits as u32)) & (!0u128 >> (128 - width))
        }
    };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let m = mask(32);
            (u32::from(a) as u128 & m) == (u32::from(n) as u128 & m)
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let m = mask(128);
            (u128::from(a) & m) == (u128::from(n) & m)
        }
        _ => false,
    }
}

/// The start of every absolute link (`DOORSTART_PUBLIC_URL`), never taken from a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(pub Arc<str>);

impl PublicUrl {
    /// `DOORSTART_PUBLIC_URL`, or this server's own address (demo and tests).
    pub fn from_env(site_addr: SocketAddr) -> Self {
        let url = std::env::var("DOORSTART_PUBLIC_URL")
            .ok()
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("http://{site_addr}"));
        PublicUrl(url.into())
    }

    /// An absolute link to a path of the app.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.0)
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
        ProxySettings::from_env()?;
        secret_outside_the_database(
            self.demo,
            std::env::var("DOORSTART_SMTP_URL").is_ok_and(|u| !u.trim().is_empty()),
            std::env::var("DOORSTART_PEPPER").is_ok_and(|p| !p.is_empty()),
        )?;
        responsible_named(
            self.demo,
            std::env::var("DOORSTART_ORG_NAME").ok().as_deref(),
            std::env::var("DOORSTART_ORG_CONTACT").ok().as_deref(),
        )?;
        if self.public_url.is_empty() {
            if !self.demo {
                return Err("DOORSTART_PUBLIC_URL is required (for example \
                     https://doorstart.example.nl): invite links and calendar files are built \
                     from it, never from the Host header"
                    .into());
            }
            self.public_url = format!("http://{}", self.site_addr);
        }
        if !public_url_ok(&self.public_url) {
            return Err(format!(
                "DOORSTART_PUBLIC_URL must look like https://doorstart.example.nl, not {}",
                self.public_url
            ));
        }
        if !self.demo && !secure_or_local(&self.public_url) {
            return Err(format!(
                "DOORSTART_PUBLIC_URL must start with https:// (plain http:// only for \
                 localhost or 127.0.0.1, or with DOORSTART_DEMO=1): {}",
                self.public_url
            ));
        }
        Ok(())
    }
}

/// With mail on, links are sealed to be mailed later, under a key made from the pepper: outside
/// demo mode that pepper must come from the environment, never from the database it guards.
pub fn secret_outside_the_database(
    demo: bool,
    mail_on: bool,
    pepper_set: bool,
) -> Result<(), String> {
    if mail_on && !demo && !pepper_set {
        return Err(
            "DOORSTART_PEPPER is required when mail is on (DOORSTART_SMTP_URL): \
             private links mailed later are sealed with a key made from it, and that key \
             must not live in the database (at least 32 characters, e.g. from \
             `openssl rand -base64 48`)"
                .into(),
        );
    }
    Ok(())
}

/// The privacy statement must name who is responsible for the data and how to reach them:
/// outside demo mode both settings are required.
pub fn responsible_named(
    demo: bool,
    name: Option<&str>,
    contact: Option<&str>,
) -> Result<(), String> {
    let filled = |v: Option<&str>| v.is_some_and(|v| !v.trim().is_empty());
    if demo || (filled(name) && filled(contact)) {
        return Ok(());
    }
    Err(
        "DOORSTART_ORG_NAME and DOORSTART_ORG_CONTACT are required: the privacy statement \
         must name the organisation responsible for the data (for example \
         DOORSTART_ORG_NAME=\"Gemeente Almelo\") and how to reach it (a phone number, an \
         address or a web page)"
            .into(),
    )
}

/// Links a parent may follow outside a demo: https, or http to this machine only.
pub fn secure_or_local(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    matches!(host, "localhost" | "127.0.0.1" | "::1")
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
    fn only_https_outside_this_machine() {
        assert!(secure_or_local("https://doorstart.almelo.nl"));
        assert!(secure_or_local("http://localhost:3000"));
        assert!(secure_or_local("http://127.0.0.1:3000/x"));
        assert!(secure_or_local("http://[::1]:3000"));
        assert!(!secure_or_local("http://doorstart.almelo.nl"));
        assert!(!secure_or_local("http://localhost.evil.nl"));
        assert!(!secure_or_local("http://127.0.0.1.evil.nl"));
        assert!(!secure_or_local("ftp://localhost"));
    }

    #[test]
    fn with_mail_on_the_sealing_key_comes_from_outside_the_database() {
        assert!(secret_outside_the_database(false, true, false).is_err());
        assert!(secret_outside_the_database(false, true, true).is_ok());
        assert!(
            secret_outside_the_database(true, true, false).is_ok(),
            "demo"
        );
        assert!(
            secret_outside_the_database(false, false, false).is_ok(),
            "mail off"
        );
        let message = secret_outside_the_database(false, true, false).unwrap_err();
        assert!(message.contains("DOORSTART_PEPPER"));
    }

    #[test]
    fn outside_a_demo_someone_is_responsible() {
        assert!(responsible_named(false, None, None).is_err());
        assert!(responsible_named(false, Some("Gemeente Almelo"), None).is_err());
        assert!(responsible_named(false, Some(" "), Some("14 0546")).is_err());
        assert!(responsible_named(false, Some("Gemeente Almelo"), Some("14 0546")).is_ok());
        assert!(responsible_named(true, None, None).is_ok(), "demo");
    }

    #[test]
    fn exactly_one_proxy_header_is_named() {
        assert_eq!(ProxyHeader::parse(None), Ok(ProxyHeader::XForwardedFor));
        assert_eq!(ProxyHeader::parse(Some("")), Ok(ProxyHeader::XForwardedFor));
        assert_eq!(
            ProxyHeader::parse(Some("x-forwarded-for")),
            Ok(ProxyHeader::XForwardedFor)
        );
        assert_eq!(
            ProxyHeader::parse(Some(" Forwarded ")),
            Ok(ProxyHeader::Forwarded)
        );
        assert!(ProxyHeader::parse(Some("X-Real-IP")).is_err());
        assert!(ProxySettings::parse("10.0.0.0/33", None).is_err());
        let s = ProxySettings::parse("10.0.0.1", Some("Forwarded")).unwrap();
        assert!(s.trusted.contains("10.0.0.1".parse().unwrap()));
        assert_eq!(s.header, ProxyHeader::Forwarded);
    }

    #[test]
    fn proxy_lists_parse_or_say_what_is_wrong() {
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
        let p = TrustedProxies::parse(" 10.0.0.0/8 ,::1, fd00::/8").unwrap();
        assert!(p.contains("10.200.1.1".parse().unwrap()));
        assert!(p.contains("::1".parse().unwrap()));
        assert!(p.contains("fd12::1".parse().unwrap()));
        assert!(!p.contains("11.0.0.1".parse().unwrap()));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
        assert!(TrustedProxies::parse("0.0.0.0/0")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
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
