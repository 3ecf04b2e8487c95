//! The deployment kit in `deploy/` stays in step with the app: the settings file names every
//! setting the app reads, the systemd unit keeps its hardening, and the nginx site passes the
//! client's address and scheme on without logging who anyone is. `scripts/proxy-check.sh`
//! (in `make test`) runs the kit itself.
use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `"DOORSTART_…"`, `"LEPTOS_…"` and `"DATABASE_URL"` literal in `src/`.
fn settings_in_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut names = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for prefix in ["\"DOORSTART_", "\"LEPTOS_", "\"DATABASE_URL\""] {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + 1..];
                let end = rest.find('"').unwrap_or(rest.len());
                let name = &rest[..end];
                if name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                {
                    names.insert(name.to_string());
                }
            }
        }
    }
    names
}

#[test]
fn the_settings_file_names_every_setting_with_a_comment() {
    let example = read("deploy/doorstart.env.example");
    let lines: Vec<&str> = example.lines().collect();
    let mut wanted = settings_in_code();
    // Read by the log filter (tracing's EnvFilter), not by name in our code.
    wanted.insert("RUST_LOG".into());
    assert!(wanted.len() > 15, "found the settings in src/: {wanted:?}");
    for name in &wanted {
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{name}=")))
            .unwrap_or_else(|| {
                panic!("{name} is read by the app but not in doorstart.env.example")
            });
        assert!(
            at > 0 && lines[at - 1].starts_with("# "),
            "{name} has a one-line comment above it"
        );
    }
    // And nothing there that the app does not read (a typo would be ignored in silence). The
    // sealing key may come before the code that reads it.
    for line in lines
        .iter()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let name = line.split('=').next().unwrap();
        assert!(
            wanted.contains(name) || name == "DOORSTART_SECRET_KEY",
            "{name} in doorstart.env.example is not read by the app"
        );
    }
}

#[test]
fn the_unit_is_hardened() {
    let unit = read("deploy/doorstart.service");
    for line in [
        "NoNewPrivileges=true",
        "ProtectSystem=strict",
        "ProtectHome=true",
        "PrivateTmp=true",
        "StateDirectory=doorstart",
        "ReadWritePaths=/var/lib/doorstart",
        "Restart=on-failure",
        "EnvironmentFile=/etc/doorstart/doorstart.env",
        "CapabilityBoundingSet=\n",
        "SystemCallFilter=@system-service",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "MemoryDenyWriteExecute=true",
    ] {
        assert!(unit.contains(line), "doorstart.service has {line:?}");
    }
    assert!(unit.contains("User=doorstart") || unit.contains("DynamicUser=yes"));
    assert!(!unit.contains("User=root"));
}

#[test]
fn the_nginx_site_passes_who_and_how_and_logs_nobody() {
    let site = read("deploy/nginx-doorstart.conf");
    for line in [
        "listen 443 ssl http2;",
        "return 301 https://$server_name$request_uri;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header Forwarded \"\";",
        "client_max_body_size 64k;",
        "proxy_connect_timeout",
        "proxy_read_timeout",
        "server 127.0.0.1:3000 ",
        "server 127.0.0.1:3001 ",
    ] {
        assert!(site.contains(line), "nginx-doorstart.conf has {line:?}");
    }
    // The body limit is the app's own.
    assert_eq!(doorstart::server::BODY_LIMIT_BYTES, 64 * 1024);
    // What a log line may hold: no address, no user agent, no path or query (private links
    // carry their secret in the path).
    for format in site.split("log_format").skip(1) {
        let format = format.split(';').next().unwrap_or("");
        for var in format.split('$').skip(1) {
            let var: String = var
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(
                [
                    "time_iso8601",
                    "time_local",
                    "request_method",
                    "status",
                    "body_bytes_sent",
                    "bytes_sent",
                    "request_time",
                    "upstream_response_time",
                    "upstream_status",
                    "server_protocol",
                ]
                .contains(&var.as_str()),
                "a log_format writes ${var}"
            );
        }
    }
    for line in site.lines().map(str::trim) {
        if line.starts_with("access_log") {
            assert!(
                line == "access_log off;" || line.ends_with(" doorstart_health;"),
                "every access log is off or without addresses: {line}"
            );
        }
    }
}
