//! Anonymous help: themes, the pick-up code and the rules of a question.
use crate::web::form::{clean_text, FromForm, RawForm};

use serde::{Deserialize, Serialize};

use crate::i18n::k;
use crate::ui::forms::FieldErrors;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Money,
    Parenting,
    Separation,
    Housing,
    WorkChildcare,
    Health,
    Alone,
    Other,
}

impl Theme {
    pub const ALL: [Theme; 8] = [
        Theme::Money,
        Theme::Parenting,
        Theme::Separation,
        Theme::Housing,
        Theme::WorkChildcare,
        Theme::Health,
        Theme::Alone,
        Theme::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Money => "money",
            Theme::Parenting => "parenting",
            Theme::Separation => "separation",
            Theme::Housing => "housing",
            Theme::WorkChildcare => "work",
            Theme::Health => "health",
            Theme::Alone => "alone",
            Theme::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }
    pub fn key(self) -> &'static str {
        match self {
            Theme::Money => k("theme-money"),
            Theme::Parenting => k("theme-parenting"),
            Theme::Separation => k("theme-separation"),
            Theme::Housing => k("theme-housing"),
            Theme::WorkChildcare => k("theme-work"),
            Theme::Health => k("theme-health"),
            Theme::Alone => k("theme-alone"),
            Theme::Other => k("theme-other"),
        }
    }
}

/// Digits in a new pick-up code: 16, written as four groups of four like a bank card, so a
/// parent who reads little can copy it, read it aloud in any language or type it on a phone.
/// 16 digits are 10^16 codes (≈ 53 bits); what makes that enough is the guessing limit below,
/// argued in `SECURITY.md` ("The pick-up code").
pub const CODE_DIGITS: usize = 16;
/// Codes given out before 2026-12 had 36 digits; they keep working until their question goes.
pub const OLD_CODE_DIGITS: usize = 36;
pub const MESSAGE_MAX: usize = 2000;

/// Pick-up codes one client (an IPv4 address or an IPv6 /64) may try in a 15-minute window;
/// a right code is given back, so a parent reading and answering is never stopped by it.
pub const CODE_TRIES: i64 = 10;
/// Tries of all the /64s in one IPv6 /56 together (what a provider gives one customer), so a
/// single home cannot multiply its tries by 256.
pub const WIDE_CODE_TRIES: i64 = 30;
/// Tries the whole site looks up in a window at full speed. Far above what parents mistype (a
/// pilot has a few hundred open questions at most); past it the site slows down (one try a
/// second) and never opens up.
pub const SITE_CODE_TRIES: i64 = 500;

/// One client's tries in this window, counted with this one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeTry {
    pub mine: i64,
    pub wide: i64,
}

impl CodeTry {
    /// Whether this try may be looked up as far as this client goes: within its own tries and
    /// its /56's.
    pub fn within_client_limits(self) -> bool {
        self.mine <= CODE_TRIES && self.wide <= WIDE_CODE_TRIES
    }
}

/// Tries the whole site may have looked up this far into a window: `SITE_CODE_TRIES`, then one
/// more each second. A hard cap (at most 1,400 in 15 minutes), so guessing from many addresses
/// slows every guess down and never lets more through.
pub fn site_allowance(seconds_into_window: i64) -> i64 {
    SITE_CODE_TRIES + seconds_into_window.max(0)
}

/// New help questions one network may post in a 15-minute window: an eighth of the hourly
/// cap, so one network can never fill more than half of an hour's cap; at least 3, so a
/// family sharing one connection is not stopped by a small cap.
pub fn network_share(help_per_hour: u32) -> i64 {
    (i64::from(help_per_hour) / 8).max(3)
}

/// A pick-up code, normalised to its digits.
#[derive(Clone, PartialEq, Eq)]
pub struct PickupCode(String);

impl std::fmt::Debug for PickupCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PickupCode(…)")
    }
}

impl PickupCode {
    /// Accepts spaces, dashes and dots between the digits; 16 digits (or the 36 of an older
    /// code). Arabic-Indic, Persian and full-width digits are made ASCII where the form is read
    /// (`web::form::posted`).
    pub fn parse(input: &str) -> Option<PickupCode> {
        let mut digits = String::with_capacity(CODE_DIGITS);
        for c in input.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '\u{a0}' => {}
                _ => return None,
            }
            if digits.len() > OLD_CODE_DIGITS {
                return None;
            }
        }
        [CODE_DIGITS, OLD_CODE_DIGITS]
            .contains(&digits.len())
            .then_some(PickupCode(digits))
    }

    /// A new random code (server only).
    #[cfg(feature = "ssr")]
    pub fn generate() -> PickupCode {
        use rand::Rng;
        let mut rng = rand::rngs::OsRng;
        PickupCode(
            (0..CODE_DIGITS)
                .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
                .collect(),
        )
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    /// "1234 5678 …": groups of four to write down and read aloud.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Languages a parent can ask an interpreter for (the languages of the app but Dutch).
pub const INTERPRETER_LANGUAGES: [&str; 9] =
    ["en", "ar", "tr", "pl", "uk", "ti", "pap", "so", "fa"];

/// A question as the parent sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AskInput {
    pub theme: Theme,
    pub message: String,
    /// Only when the parent asks to be called back (then the request is no longer anonymous).
    pub callback_phone: Option<String>,
    /// A call back with an interpreter in this language (only with a call-back number).
    pub interpreter: Option<String>,
    /// Only when the parent wants to hear "there is an answer" by mail; never shown to a
    /// facilitator, deleted with the question.
    pub notify_email: Option<String>,
}

/// A message text: 1 to 2000 characters, control and bidi characters removed (new lines kept).
pub fn parse_message(input: &str) -> Result<String, &'static str> {
    let text = clean_text(&input.replace(|c: char| c.is_control() && c != '\n', ""));
    if text.is_empty() {
        Err(k("help-message-missing"))
    } else if text.chars().count() > MESSAGE_MAX {
        Err(k("help-message-long"))
    } else {
        Ok(text)
    }
}

impl FromForm for AskInput {
    fn from_form(form: &RawForm) -> Result<AskInput, FieldErrors> {
        let field = |n: &str| form.get(n).map(String::as_str).unwrap_or("");
        let mut errors = FieldErrors::default();
        if !field("website").is_empty() {
            errors.add("form", k("form-expired"));
        }
        let theme = Theme::parse(field("theme"));
        if theme.is_none() {
            errors.add("theme", k("help-theme-missing"));
        }
        let message = parse_message(field("message")).map_err(|key| errors.add("message", key));
        let callback_phone = if field("callback") == "yes" {
            crate::groups::join::parse_phone(field("phone"))
                .map(Some)
                .ok_or_else(|| errors.add("phone", k("join-phone-invalid")))
        } else {
            Ok(None)
        };
        let interpreter = match field("interpreter") {
            "" => None,
            code => match INTERPRETER_LANGUAGES.iter().find(|l| **l == code) {
                Some(l) if field("callback") == "yes" => Some(l.to_string()),
                Some(_) => {
                    errors.add("interpreter", k("help-interpreter-needs-callback"));
                    None
                }
                None => {
                    errors.add("interpreter", k("help-interpreter-unknown"));
                    None
                }
            },
        };
        let notify_email = match field("email").trim() {
            "" => None,
            typed => crate::groups::join::parse_email(typed).or_else(|| {
                errors.add("email", k("help-email-invalid"));
                None
            }),
        };
        match (theme, message, callback_phone) {
            (Some(theme), Ok(message), Ok(callback_phone)) if errors.is_empty() => Ok(AskInput {
                theme,
                message,
                callback_phone,
                interpreter,
                notify_email,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelpStatus {
    New,
    Answered,
    WaitingForParent,
    Solved,
}

impl HelpStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HelpStatus::New => "new",
            HelpStatus::Answered => "answered",
            HelpStatus::WaitingForParent => "waiting",
            HelpStatus::Solved => "solved",
        }
    }
    pub fn parse(s: &str) -> Option<HelpStatus> {
        [
            HelpStatus::New,
            HelpStatus::Answered,
            HelpStatus::WaitingForParent,
            HelpStatus::Solved,
        ]
        .into_iter()
        .find(|h| h.as_str() == s)
    }
    pub fn key(self) -> &'static str {
        match self {
            HelpStatus::New => k("help-status-new"),
            HelpStatus::Answered => k("help-status-answered"),
            HelpStatus::WaitingForParent => k("help-status-waiting"),
            HelpStatus::Solved => k("help-status-solved"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpMessage {
    pub from_parent: bool,
    pub body: String,
    pub at: i64,
}

/// One conversation, as the parent (with the code) or a facilitator sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: String,
    pub theme: Theme,
    pub language: String,
    pub status: HelpStatus,
    pub callback_phone: Option<String>,
    /// The language of the interpreter the parent asked for, if any.
    pub interpreter: Option<String>,
    pub created_at: i64,
    pub messages: Vec<HelpMessage>,
}

/// How a facilitator may see one help request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HelpAccess {
    /// Nobody holds it: theme, language and age only, and a button to take it.
    Open,
    /// The viewer holds it: everything, also a call-back number.
    Holder,
    /// The coordinator, not holding it: the words, not the number; can hand it over.
    Overseer,
}

impl HelpAccess {
    /// `None`: another facilitator holds it, so this viewer gets 404.
    pub fn of(viewer: &crate::accounts::model::Account, holder: Option<&str>) -> Option<Self> {
        match holder {
            Some(h) if h == viewer.id => Some(HelpAccess::Holder),
            _ if viewer.is_coordinator() => Some(HelpAccess::Overseer),
            None => Some(HelpAccess::Open),
            Some(_) => None,
        }
    }
}

/// One conversation as the facilitator page shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HelpOne {
    pub me: crate::accounts::model::Account,
    pub conversation: Conversation,
    pub access: HelpAccess,
    /// Whom the coordinator can hand it to (empty for facilitators).
    pub handlers: Vec<crate::accounts::model::Account>,
}

/// A request in the facilitators' inbox: theme, language, status, times and whether a call is
/// asked only.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HelpSummary {
    pub id: String,
    pub theme: Theme,
    pub language: String,
    pub status: HelpStatus,
    pub created_at: i64,
    pub last_message_at: i64,
    pub claimed_by: String,
    pub interpreter: Option<String>,
    /// Whether the parent asked to be called (the number itself is not in the list).
    pub callback: bool,
}

/// Fewer cases than this (answered and unanswered together) and the page says "too few to say".
pub const ESTIMATE_MIN_CASES: usize = 5;

/// What the help page may honestly say about the wait for a first reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ReplyEstimate {
    /// Too few recent questions to say anything.
    TooFew,
    /// Half of the questions had a first reply within this many days.
    Within(i64),
    /// More than half of the recent questions are still without a reply.
    Longer,
}

/// The median wait for a first reply from recent questions, counting the unanswered ones too:
/// each is `(seconds waited, answered)`, where an unanswered question has waited "so far"
/// (a censored case). The Kaplan–Meier median: at each answered wait the share still waiting
/// drops by answered / still-at-risk; the first wait where half or fewer still wait is the
/// median. Unanswered questions thus hold the estimate up instead of being left out, and a new
/// question that has waited an hour does not count as "answered late".
pub fn reply_estimate(mut waits: Vec<(i64, bool)>) -> ReplyEstimate {
    if waits.len() < ESTIMATE_MIN_CASES {
        return ReplyEstimate::TooFew;
    }
    // Answered before unanswered at the same wait (the usual convention).
    waits.sort_unstable_by_key(|&(t, answered)| (t, !answered));
    let mut at_risk = waits.len() as f64;
    let mut still_waiting = 1.0_f64;
    for (t, answered) in waits {
        if answered {
            still_waiting *= 1.0 - 1.0 / at_risk;
            if still_waiting <= 0.5 + 1e-9 {
                return ReplyEstimate::Within(((t.max(0) + 86_399) / 86_400).max(1));
            }
        }
        at_risk -= 1.0;
    }
    ReplyEstimate::Longer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str, role: crate::accounts::model::Role) -> crate::accounts::model::Account {
        crate::accounts::model::Account {
            id: id.into(),
            email: format!("{id}@example.org"),
            display_name: id.into(),
            role,
        }
    }

    #[test]
    fn who_sees_a_help_request() {
        use crate::accounts::model::Role::{Coordinator, Facilitator};
        let a = account("a", Facilitator);
        let b = account("b", Facilitator);
        let c = account("c", Coordinator);
        assert_eq!(HelpAccess::of(&a, None), Some(HelpAccess::Open));
        assert_eq!(HelpAccess::of(&a, Some("a")), Some(HelpAccess::Holder));
        assert_eq!(HelpAccess::of(&b, Some("a")), None);
        assert_eq!(HelpAccess::of(&c, Some("a")), Some(HelpAccess::Overseer));
        assert_eq!(HelpAccess::of(&c, None), Some(HelpAccess::Overseer));
        assert_eq!(HelpAccess::of(&c, Some("c")), Some(HelpAccess::Holder));
    }

    #[test]
    fn codes_are_short_and_parse_in_any_shape() {
        let code = PickupCode::generate();
        assert_eq!(code.digits().len(), 16);
        assert!(code.digits().bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(code.grouped().split(' ').count(), 4);
        assert_eq!(PickupCode::parse(&code.grouped()), Some(code.clone()));
        assert_eq!(
            PickupCode::parse(&code.grouped().replace(' ', "-")),
            Some(code.clone())
        );
        let arabic: String = code
            .digits()
            .chars()
            .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap()).unwrap())
            .collect();
        // Typed in Arabic digits: read as ASCII where the form is read.
        let posted = crate::web::form::posted(crate::web::form::raw_form(&[("code", &arabic)]));
        assert_eq!(PickupCode::parse(&posted["code"]), Some(code.clone()));
        assert_ne!(PickupCode::generate(), PickupCode::generate());
        assert_eq!(PickupCode::parse("1234"), None);
        assert_eq!(PickupCode::parse(&"1".repeat(15)), None);
        assert_eq!(PickupCode::parse(&"1".repeat(17)), None);
        assert_eq!(PickupCode::parse(&format!("{}a", code.digits())), None);
        assert_eq!(PickupCode::parse(&"1".repeat(37)), None);
        assert!(!format!("{code:?}").contains(code.digits()));
        // A code given out before the change (36 digits) still opens its question.
        let old = "1234".repeat(9);
        assert_eq!(PickupCode::parse(&old).unwrap().digits(), old);
    }

    #[test]
    fn guessing_stops_per_client_per_home_and_slows_for_the_site() {
        let t = |mine, wide| CodeTry { mine, wide }.within_client_limits();
        assert!(t(1, 0));
        assert!(t(CODE_TRIES, CODE_TRIES));
        assert!(!t(CODE_TRIES + 1, CODE_TRIES + 1), "ten tries: wait");
        // Another /64 of the same /56: its own tries, but the home's are used up.
        assert!(t(1, WIDE_CODE_TRIES));
        assert!(!t(1, WIDE_CODE_TRIES + 1));
        // The site: a budget, then one a second, never more.
        assert_eq!(site_allowance(0), SITE_CODE_TRIES);
        assert_eq!(site_allowance(60), SITE_CODE_TRIES + 60);
        assert_eq!(site_allowance(-5), SITE_CODE_TRIES);
        assert!(site_allowance(899) < 2 * SITE_CODE_TRIES + 900);
    }

    #[test]
    fn one_network_gets_a_share_of_the_help_cap() {
        assert_eq!(network_share(60), 7);
        assert_eq!(network_share(8), 3);
        assert_eq!(network_share(1), 3);
        assert!(4 * network_share(60) <= 60 / 2);
    }

    #[test]
    fn digits_are_spread_evenly() {
        let mut counts = [0u32; 10];
        for _ in 0..300 {
            for b in PickupCode::generate().digits().bytes() {
                counts[(b - b'0') as usize] += 1;
            }
        }
        // 4,800 digits: each about 480; a broken generator would be far off.
        assert!(counts.iter().all(|c| (370..600).contains(c)), "{counts:?}");
    }

    #[test]
    fn a_question() {
        let form = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let ok = AskInput::from_form(&form(&[
            ("theme", "money"),
            ("message", " Ik heb schulden.\u{0} "),
        ]))
        .unwrap();
        assert_eq!(ok.message, "Ik heb schulden.");
        assert_eq!(ok.callback_phone, None);
        // A call back, with or without an interpreter: (interpreter typed, kept).
        for (interpreter, kept) in [("", None), ("ar", Some("ar"))] {
            let call = AskInput::from_form(&form(&[
                ("theme", "other"),
                ("message", "x"),
                ("callback", "yes"),
                ("phone", "06 12345678"),
                ("interpreter", interpreter),
            ]))
            .unwrap();
            assert_eq!(call.callback_phone.as_deref(), Some("0612345678"));
            assert_eq!(call.interpreter.as_deref(), kept);
        }
        // An interpreter needs a call back; an unknown language is refused, Dutch needs none.
        for (callback, language, key) in [
            ("", "ar", "help-interpreter-needs-callback"),
            ("yes", "xx", "help-interpreter-unknown"),
            ("yes", "nl", "help-interpreter-unknown"),
        ] {
            let bad = AskInput::from_form(&form(&[
                ("theme", "other"),
                ("message", "x"),
                ("callback", callback),
                ("phone", "06 12345678"),
                ("interpreter", language),
            ]))
            .unwrap_err();
            assert_eq!(bad.get("interpreter"), Some(key), "{callback} {language}");
        }
        let bad = AskInput::from_form(&form(&[
            ("theme", "nope"),
            ("message", &"x".repeat(2001)),
            ("callback", "yes"),
        ]))
        .unwrap_err();
        assert!(
            bad.get("theme").is_some()
                && bad.get("message").is_some()
                && bad.get("phone").is_some()
        );
        // A mail address is optional; when typed, it must look like one.
        assert_eq!(ok.notify_email, None);
        let mail = AskInput::from_form(&form(&[
            ("theme", "money"),
            ("message", "x"),
            ("email", " ouder@example.nl "),
        ]))
        .unwrap();
        assert_eq!(mail.notify_email.as_deref(), Some("ouder@example.nl"));
        let bad = AskInput::from_form(&form(&[
            ("theme", "money"),
            ("message", "x"),
            ("email", "ouder at home"),
        ]))
        .unwrap_err();
        assert_eq!(bad.get("email"), Some("help-email-invalid"));
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn codes_never_panic(a in "\\PC*", b in any::<String>(), c in "[0-9٠-٩۰-۹ .-]{30,50}") {
            for s in [a, b, c] {
                if let Some(code) = PickupCode::parse(&s) {
                    prop_assert_eq!(PickupCode::parse(&code.grouped()), Some(code));
                }
            }
        }

        #[test]
        fn codes_round_trip(digits in "[0-9]{16}|[0-9]{36}") {
            let code = PickupCode::parse(&digits).unwrap();
            prop_assert_eq!(code.digits(), digits.as_str());
            prop_assert_eq!(PickupCode::parse(&code.grouped()), Some(code));
        }

        #[test]
        fn messages_never_panic_and_stay(a in "\\PC*", b in any::<String>()) {
            for s in [a, b] {
                if let Ok(m) = parse_message(&s) {
                    prop_assert!(!m.chars().any(crate::web::form::is_bidi_control));
                    prop_assert_eq!(parse_message(&m), Ok(m));
                }
            }
        }

        #[test]
        fn any_question(f in crate::web::form::any_form(&[
            "website", "theme", "message", "callback", "phone", "interpreter",
        ])) {
            let _ = AskInput::from_form(&f);
        }
    }

    #[test]
    fn reply_time() {
        use ReplyEstimate::*;
        const H: i64 = 3600;
        let answered = |hours: &[i64]| hours.iter().map(|h| (h * H, true)).collect::<Vec<_>>();
        // Too few cases: nothing is promised.
        assert_eq!(reply_estimate(vec![]), TooFew);
        assert_eq!(reply_estimate(answered(&[1, 2, 3, 4])), TooFew);
        // All answered: the plain median, in whole days rounded up.
        assert_eq!(reply_estimate(answered(&[1, 2, 3, 30, 80])), Within(1));
        assert_eq!(reply_estimate(answered(&[25, 25, 26, 27, 90])), Within(2));
        // Unanswered questions that waited long push the estimate up, rather than being left
        // out (left out, this would say "within 1 day").
        let mut w = answered(&[1, 2, 3]);
        w.extend([(100 * H, false); 4]);
        assert_eq!(reply_estimate(w), Longer);
        // Exactly half answered within 3 hours: within 1 day.
        let mut w = answered(&[1, 2, 3]);
        w.extend([(100 * H, false); 3]);
        assert_eq!(reply_estimate(w), Within(1));
        // Two still waiting after 50 hours count as "longer than 50 hours" for the median.
        let mut w = answered(&[1, 2, 60, 70]);
        w.extend([(50 * H, false); 2]);
        assert_eq!(reply_estimate(w), Within(3));
        // A question asked an hour ago and not answered yet is not "answered late".
        let mut w = answered(&[5, 6, 7, 8, 9]);
        w.push((H, false));
        assert_eq!(reply_estimate(w), Within(1));
    }
}
