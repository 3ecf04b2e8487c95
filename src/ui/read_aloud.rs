//! Read aloud with the browser's own voice, for any page that loads `/guide-tools.js` (see
//! `app::GUIDE_TOOLS_PATHS`): the server renders the buttons with their words, hidden; the script
//! shows them only where the browser has a voice for the language. Without JavaScript nothing
//! here shows, and the page is whole without it.
use leptos::prelude::*;

use super::{Icon, IconName};

/// Reads one text (`data-speech`) aloud.
#[component]
pub fn ReadAloud(speech: String, lang: String, label: String) -> impl IntoView {
    view! {
        <button type="button" class="secondary read-aloud" hidden=true data-speech=speech data-lang=lang>
            <Icon name=IconName::Speaker/><span>{label}</span>
        </button>
    }
}

/// Reads every `ReadAloud` text of the page in order, and stops.
#[component]
pub fn ReadAll(lang: String, label: String, stop_label: String) -> impl IntoView {
    view! {
        <div class="read-all" hidden=true data-lang=lang>
            <button type="button" class="secondary read-aloud-all">
                <Icon name=IconName::Speaker/><span>{label}</span>
            </button>
            <button type="button" class="secondary read-stop">
                <Icon name=IconName::Exit/><span>{stop_label}</span>
            </button>
        </div>
    }
}
