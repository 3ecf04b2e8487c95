//! The one rule of direction (ARCHITECTURE.md), checked on the text of `src/`:
//! `server`/`app`/jobs → features → `web` → `accounts`, `db`, `ui`, `i18n`, `security`, `time`.
//! - no feature names `crate::server` or `crate::app`;
//! - the lower layers name no feature (nor the app);
//! - a feature may use another feature's data (`model`, `store`, …), never its `handlers`,
//!   `pages`, `api` or `router`.
use std::path::{Path, PathBuf};

const FEATURES: [&str; 11] = [
    "checkin",
    "seo",
    "partners",
    "trust",
    "groups",
    "meetups",
    "help",
    "guides",
    "admin",
    "monitoring",
    "home",
];
const LOWER: [&str; 10] = [
    "web", "db", "ui", "i18n", "security", "accounts", "error", "time", "config", "mail",
];
const ASSEMBLY: [&str; 4] = ["server", "app", "demo", "retention"];
const FACES: [&str; 9] = [
    "handlers",
    "pages",
    "api",
    "router",
    "admin_pages",
    "join_pages",
    "group_pages",
    "group_handlers",
    "tools",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top module of a file: `src/groups/store/joins.rs` → `groups`, `src/time.rs` → `time`.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").unwrap();
    let first = rel.iter().next().unwrap().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::a::b` named in the file (comments included: a doc link is a dependency too).
fn named(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (pos, _) in text.match_indices("crate::") {
        let rest = &text[pos + 7..];
        let mut parts = rest.split("::").map(|p| {
            p.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        let a = parts.next().unwrap_or_default();
        let b = parts.next().unwrap_or_default();
        out.push((a, b));
    }
    out
}

fn violations() -> Vec<String> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let me = module_of(&file);
        let text = std::fs::read_to_string(&file).unwrap();
        for (a, b) in named(&text) {
            let shown = format!("{}: crate::{a}::{b}", file.display());
            let feature = FEATURES.contains(&a.as_str());
            if LOWER.contains(&me.as_str()) && (feature || ASSEMBLY.contains(&a.as_str())) {
                found.push(format!("lower layer names a feature or the app: {shown}"));
            }
            if FEATURES.contains(&me.as_str()) {
                if ASSEMBLY.contains(&a.as_str()) {
                    found.push(format!("feature names the assembly: {shown}"));
                }
                if feature && a != me && FACES.contains(&b.as_str()) {
                    found.push(format!("feature uses another feature's face: {shown}"));
                }
            }
        }
    }
    found
}

#[test]
fn dependencies_point_one_way() {
    let found = violations();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_violation() {
    // The scanner itself: a lower layer naming a feature is found.
    let n = named("use crate::groups::store; crate::web::form::field");
    assert_eq!(n[0], ("groups".to_string(), "store".to_string()));
    assert_eq!(n[1], ("web".to_string(), "form".to_string()));
    assert_eq!(module_of(Path::new("src/groups/store/joins.rs")), "groups");
    assert_eq!(module_of(Path::new("src/time.rs")), "time");
}

#[test]
fn every_module_has_a_layer() {
    // A new top-level module must be placed in one of the lists above, so the rule covers it.
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut unknown: Vec<String> = files
        .iter()
        .map(|f| module_of(f))
        .filter(|m| {
            !(FEATURES.contains(&m.as_str())
                || LOWER.contains(&m.as_str())
                || ASSEMBLY.contains(&m.as_str())
                || m == "lib"
                || m == "main")
        })
        .collect();
    unknown.dedup();
    assert!(unknown.is_empty(), "modules without a layer: {unknown:?}");
}
