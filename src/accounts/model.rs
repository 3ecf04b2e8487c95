//! Accounts of facilitators and the coordinator: roles and the password rules.
use serde::{Deserialize, Serialize};

use crate::i18n::k;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Coordinator,
    Facilitator,
    /// Someone of a partner organisation (young-mothers work, consultation bureau, …): may only
    /// hand a parent over, and sees only how its own handovers are going.
    Partner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Facilitator => "facilitator",
            Role::Partner => "partner",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "coordinator" => Some(Role::Coordinator),
            "facilitator" => Some(Role::Facilitator),
            "partner" => Some(Role::Partner),
            _ => None,
        }
    }
    /// Where this role starts after signing in.
    pub fn start_page(self) -> &'static str {
        match self {
            Role::Partner => "/admin/handover",
            Role::Coordinator | Role::Facilitator => "/admin",
        }
    }
}

/// Who is signed in, as pages and server functions see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

impl Account {
    pub fn is_coordinator(&self) -> bool {
        self.role == Role::Coordinator
    }
}

/// One line of the audit log as the coordinator reads it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub object_kind: String,
    pub object_id: String,
}

/// Which new help questions a facilitator wants the hourly digest for: theme codes and
/// language codes (which codes exist is the help feature's business). An empty list means all.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HelpChoice {
    pub themes: Vec<String>,
    pub langs: Vec<String>,
}

impl HelpChoice {
    /// From the stored comma lists.
    pub fn from_lists(themes: &str, langs: &str) -> HelpChoice {
        let list = |s: &str| {
            s.split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect()
        };
        HelpChoice {
            themes: list(themes),
            langs: list(langs),
        }
    }

    /// Whether a question with this theme and language is one of the chosen.
    pub fn wants(&self, theme: &str, lang: &str) -> bool {
        let any_or =
            |list: &[String], code: &str| list.is_empty() || list.iter().any(|c| c == code);
        any_or(&self.themes, theme) && any_or(&self.langs, lang)
    }
}

pub const PASSWORD_MIN: usize = 15;
pub const PASSWORD_MAX: usize = 128;

/// A password that meets the rules: 15 to 128 characters, not a common password.
/// No composition rules (NIST SP 800-63B, OWASP ASVS 2.1).
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

impl NewPassword {
    pub fn parse(
        input: &str,
        is_common: impl Fn(&str) -> bool,
    ) -> Result<NewPassword, &'static str> {
        let length = input.chars().count();
        if length < PASSWORD_MIN {
            Err(k("password-too-short"))
        } else if length > PASSWORD_MAX {
            Err(k("password-too-long"))
        } else if is_common(&input.to_lowercase()) {
            Err(k("password-common"))
        } else {
            Ok(NewPassword(input.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_choice_none_means_all() {
        let all = HelpChoice::from_lists("", " ");
        assert!(all.wants("money", "ar"));
        let money = HelpChoice::from_lists("money,housing", "");
        assert!(money.wants("housing", "nl") && !money.wants("health", "nl"));
        let arabic_money = HelpChoice::from_lists("money", "ar,nl");
        assert!(arabic_money.wants("money", "ar"));
        assert!(!arabic_money.wants("money", "tr") && !arabic_money.wants("alone", "ar"));
        assert_eq!(arabic_money.langs, vec!["ar".to_string(), "nl".to_string()]);
    }

    #[test]
    fn password_rules() {
        let never = |_: &str| false;
        assert_eq!(
            NewPassword::parse("short", never),
            Err("password-too-short")
        );
        assert_eq!(
            NewPassword::parse(&"a".repeat(14), never),
            Err("password-too-short")
        );
        assert!(NewPassword::parse(&"a".repeat(15), never).is_ok());
        assert!(
            NewPassword::parse(&"é".repeat(15), never).is_ok(),
            "characters, not bytes"
        );
        assert!(NewPassword::parse(&"a".repeat(128), never).is_ok());
        assert_eq!(
            NewPassword::parse(&"a".repeat(129), never),
            Err("password-too-long")
        );
        let common = |p: &str| p == "passwordpassword";
        assert_eq!(
            NewPassword::parse("PasswordPassword", common),
            Err("password-common")
        );
        assert!(
            NewPassword::parse("correct horse battery staple", common).is_ok(),
            "no composition rules"
        );
        assert!(!format!("{:?}", NewPassword::parse(&"x".repeat(20), never)).contains("xxx"));
    }

    #[test]
    fn roles() {
        assert_eq!(Role::parse("coordinator"), Some(Role::Coordinator));
        assert_eq!(
            Role::parse(Role::Facilitator.as_str()),
            Some(Role::Facilitator)
        );
        assert_eq!(Role::parse("admin"), None);
        assert_eq!(Role::parse("partner"), Some(Role::Partner));
        assert_eq!(Role::Partner.start_page(), "/admin/handover");
    }
}
