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
        }
    }

    /// Icons that point a direction are mirrored in right-to-left pages.
    fn points_a_direction(self) -> bool {
        matches!(self, IconName::Arrow | IconName::Route)
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
