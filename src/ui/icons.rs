//! Inline SVG icons (no icon font, nothing fetched). Decorative: the text beside them speaks.
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconName {
    Users,
    Chat,
    Book,
    Globe,
    Exit,
    Key,
    Arrow,
    Home,
    Pin,
    Calendar,
    Child,
    Euro,
    Search,
    Clock,
    Share,
    Route,
    Info,
    Heart,
    Phone,
    Speaker,
    Print,
    Document,
    Basket,
    Check,
    Briefcase,
    Chart,
    /// "More or less" (a wave between yes and no).
    Tilde,
    /// The happy and the sad end of a scale.
    Smile,
    Frown,
    /// An envelope: "send to myself by mail".
    Mail,
    /// Two sheets: "copy the link".
    Copy,
    /// A bin: what deletes data, only on the page that asks to confirm.
    Trash,
    /// A curved arrow back: "withdraw", "I cannot come after all" (calmer than quick exit's ✕).
    Undo,
}

impl IconName {
    fn markup(self) -> &'static str {
        match self {
            IconName::Users => {
                r#"<circle cx="9" cy="8" r="4"/><path d="M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1"/><path d="M16 4a4 4 0 0 1 0 8"/><path d="M22 21v-1a6 6 0 0 0-4-5.6"/>"#
            }
            IconName::Chat => {
                r#"<path d="M21 12a8 8 0 0 1-11.6 7.1L4 21l1.9-5.4A8 8 0 1 1 21 12z"/><path d="M8.5 12h.01M12 12h.01M15.5 12h.01"/>"#
            }
            IconName::Book => {
                r#"<path d="M4 19V5a2 2 0 0 1 2-2h14v14H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h14"/><path d="M8 7h8M8 11h6"/>"#
            }
            IconName::Globe => {
                r#"<circle cx="12" cy="12" r="9"/><path d="M3 12h18"/><path d="M12 3a14 14 0 0 1 0 18a14 14 0 0 1 0-18z"/>"#
            }
            IconName::Exit => r#"<path d="M6 6l12 12M18 6L6 18"/>"#,
            IconName::Key => {
                r#"<circle cx="8" cy="15" r="4"/><path d="M11 12l9-9M17 6l3 3M14 9l2 2"/>"#
            }
            IconName::Arrow => r#"<path d="M5 12h14M13 6l6 6-6 6"/>"#,
            IconName::Home => {
                r#"<path d="M3 11l9-8 9 8"/><path d="M5 10v10h14V10"/><path d="M10 20v-6h4v6"/>"#
            }
            IconName::Pin => {
                r#"<path d="M12 22s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12z"/><circle cx="12" cy="10" r="2.5"/>"#
            }
            IconName::Calendar => {
                r#"<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>"#
            }
            IconName::Child => {
                r#"<circle cx="12" cy="5" r="2.5"/><path d="M8 10h8M12 9v6M9 21l3-6 3 6"/>"#
            }
            IconName::Euro => {
                r#"<path d="M17 6.5A6 6 0 0 0 8 12a6 6 0 0 0 9 5.5"/><path d="M5 10h8M5 14h8"/>"#
            }
            IconName::Search => r#"<circle cx="11" cy="11" r="7"/><path d="M20 20l-4-4"/>"#,
            IconName::Clock => r#"<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>"#,
            IconName::Share => {
                r#"<circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/><path d="M8.6 10.5l6.8-4M8.6 13.5l6.8 4"/>"#
            }
            IconName::Route => {
                r#"<circle cx="6" cy="19" r="2"/><circle cx="18" cy="5" r="2"/><path d="M8 19h7a3.5 3.5 0 0 0 0-7H9a3.5 3.5 0 0 1 0-7h7"/>"#
            }
            IconName::Info => r#"<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5h.01"/>"#,
            IconName::Heart => {
                r#"<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>"#
            }
            IconName::Phone => {
                r#"<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z"/>"#
            }
            IconName::Speaker => {
                r#"<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12"/>"#
            }
            IconName::Print => {
                r#"<path d="M7 9V3h10v6"/><rect x="3" y="9" width="18" height="8" rx="2"/><path d="M7 14h10v7H7z"/>"#
            }
            IconName::Document => {
                r#"<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 16h6"/>"#
            }
            IconName::Basket => {
                r#"<path d="M3 10h18l-2 10H5z"/><path d="M8 10l4-6 4 6M9 14v3M15 14v3"/>"#
            }
            IconName::Check => r#"<path d="M5 12.5l4.5 4.5L19 7"/>"#,
            IconName::Briefcase => {
                r#"<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V4h6v3M3 13h18"/>"#
            }
            IconName::Chart => r#"<path d="M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3"/>"#,
            IconName::Tilde => r#"<path d="M4 13c2.5-4 5-4 8 0s5.5 4 8 0"/>"#,
            IconName::Smile => {
                r#"<circle cx="12" cy="12" r="9"/><path d="M8 14a5 5 0 0 0 8 0M9 9.5h.01M15 9.5h.01"/>"#
            }
            IconName::Frown => {
                r#"<circle cx="12" cy="12" r="9"/><path d="M8 16.5a5 5 0 0 1 8 0M9 9.5h.01M15 9.5h.01"/>"#
            }
            IconName::Mail => {
                r#"<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>"#
            }
            IconName::Copy => {
                r#"<rect x="8" y="8" width="13" height="13" rx="2"/><path d="M16 8V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h3"/>"#
            }
            IconName::Trash => r#"<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>"#,
            IconName::Undo => r#"<path d="M9 14L4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>"#,
        }
    }

    /// The icon named in a content file (`data/guides.toml`).
    pub fn parse(name: &str) -> Option<IconName> {
        Some(match name {
            "users" => IconName::Users,
            "chat" => IconName::Chat,
            "book" => IconName::Book,
            "globe" => IconName::Globe,
            "key" => IconName::Key,
            "home" => IconName::Home,
            "pin" => IconName::Pin,
            "calendar" => IconName::Calendar,
            "child" => IconName::Child,
            "euro" => IconName::Euro,
            "search" => IconName::Search,
            "clock" => IconName::Clock,
            "route" => IconName::Route,
            "info" => IconName::Info,
            "heart" => IconName::Heart,
            "phone" => IconName::Phone,
            "document" => IconName::Document,
            "basket" => IconName::Basket,
            "check" => IconName::Check,
            "briefcase" => IconName::Briefcase,
            _ => return None,
        })
    }

    pub fn known(name: &str) -> bool {
        IconName::parse(name).is_some()
    }

    /// Icons that point a direction are mirrored in right-to-left pages.
    fn points_a_direction(self) -> bool {
        matches!(self, IconName::Arrow | IconName::Route | IconName::Undo)
    }
}

#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    let class = if name.points_a_direction() {
        "icon icon-dir"
    } else {
        "icon"
    };
    view! {
        <svg
            class=class
            viewBox="0 0 24 24"
            width="24"
            height="24"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
            inner_html=name.markup()
        ></svg>
    }
}
