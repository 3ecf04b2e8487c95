//! Every key used in `src/` exists in every locale; no locale has stale, missing or empty keys,
//! and every translation uses the same Fluent variables as the Dutch.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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

/// Keys in `t("…")`, `t_args("…"`, `k("…")` and `sentence(i, "…"` (`ui::bidi`).
fn used_keys() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in ["t(", "t_args(", "k(", "sentence("] {
            for (pos, _) in text.match_indices(marker) {
                let before = text[..pos].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // e.g. `assert(`, `split(`
                }
                let mut after = text[pos + marker.len()..].trim_start();
                if marker == "sentence(" {
                    // The first argument is the I18n: the key comes after its comma.
                    let Some((_, rest)) = after.split_once(',') else {
                        continue;
                    };
                    after = rest.trim_start();
                }
                let Some(rest) = after.strip_prefix('"') else {
                    continue; // a key passed in a variable
                };
                let key = &rest[..rest.find('"').unwrap()];
                keys.insert(key.to_string());
            }
        }
    }
    keys
}

/// message id → set of variables, for one locale folder.
fn locale(lang: &str) -> BTreeMap<String, (BTreeSet<String>, String)> {
    let mut messages = BTreeMap::new();
    let dir = Path::new("locales").join(lang);
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|_| panic!("{dir:?}")) {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') {
                let (id, value) = line
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{path:?}: {line}"));
                let id = id.trim().to_string();
                assert!(!messages.contains_key(&id), "{lang}: {id} twice");
                messages.insert(id.clone(), (BTreeSet::new(), value.trim().to_string()));
                current = Some(id);
            } else if let Some(id) = &current {
                let entry = messages.get_mut(id).unwrap();
                entry.1.push_str(line.trim());
            }
            if let Some(id) = &current {
                let vars = &mut messages.get_mut(id).unwrap().0;
                for (pos, _) in line.match_indices("{ $") {
                    let rest = &line[pos + 3..];
                    let end = rest.find([' ', '}']).unwrap();
                    vars.insert(rest[..end].to_string());
                }
            }
        }
    }
    messages
}

#[test]
fn every_locale_matches_the_dutch_and_the_code() {
    let langs: Vec<String> = std::fs::read_dir("locales")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    // The ten languages of the pilot, each a folder, and no folder the app does not offer.
    let offered: Vec<&str> = doorstart::i18n::Lang::ALL
        .iter()
        .map(|l| l.code())
        .collect();
    for code in ["nl", "en", "ar", "tr", "pl", "uk", "ti", "pap", "so", "fa"] {
        assert!(langs.iter().any(|l| l == code), "locale {code} exists");
        assert!(offered.contains(&code), "{code} is offered");
    }
    for lang in &langs {
        assert!(
            offered.contains(&lang.as_str()),
            "{lang} is a folder the app does not offer"
        );
    }
    let nl = locale("nl");
    let mut used = used_keys();
    // The guides' words are named by data/guides.toml, not by code.
    used.extend(doorstart::guides::library::builtin().keys());
    let missing: Vec<_> = used.iter().filter(|k| !nl.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used in src/ but not in nl: {missing:?}"
    );
    let stale: Vec<_> = nl.keys().filter(|k| !used.contains(*k)).collect();
    assert!(
        stale.is_empty(),
        "keys in nl that src/ never uses: {stale:?}"
    );

    for lang in &langs {
        let other = locale(lang);
        let nl_keys: BTreeSet<_> = nl.keys().collect();
        let keys: BTreeSet<_> = other.keys().collect();
        assert_eq!(
            nl_keys.symmetric_difference(&keys).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "{lang} has the same keys as nl"
        );
        for (id, (vars, value)) in &other {
            assert!(!value.is_empty(), "{lang}: {id} is empty");
            assert_eq!(
                vars, &nl[id].0,
                "{lang}: {id} uses the same variables as nl"
            );
        }
    }
    println!("{} keys checked in {} locales", nl.len(), langs.len());
}
