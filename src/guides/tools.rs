//! The comfort a guide gets in the browser: tick a step done (kept in this browser only,
//! nothing is sent), read aloud with the browser's own voice, forget the ticks. The server
//! renders the buttons with their words, hidden; `/guide-tools.js` (plain script, no
//! WebAssembly) shows and runs what the browser can do. Without JavaScript everything here
//! stays hidden; the guide itself is whole without it.
use leptos::prelude::*;

pub use crate::ui::read_aloud::ReadAll;
use crate::ui::read_aloud::ReadAloud;
use crate::ui::{Icon, IconName};

/// "Done" and "Read aloud" for one step. The script keeps the tick in
/// `localStorage["doorstart-done-<guide>"]` and reads `data-speech` aloud.
#[component]
pub fn StepTools(
    guide: String,
    step: String,
    speech: String,
    lang: String,
    done_label: String,
    read_label: String,
) -> impl IntoView {
    let id = format!("done-{step}");
    view! {
        <div class="step-tools" hidden=true data-guide=guide data-step=step>
            <div class="done-toggle">
                <input type="checkbox" id=id.clone()/>
                <label for=id><Icon name=IconName::Check/><span>{done_label}</span></label>
            </div>
            <ReadAloud speech=speech lang=lang label=read_label/>
        </div>
    }
}

/// Where the ticks are kept, said plainly, with one button that clears them on this device.
/// Without JavaScript there are no ticks, so nothing shows.
#[component]
pub fn ClearTicks(note: String, label: String) -> impl IntoView {
    view! {
        <div class="ticks-note" hidden=true>
            <p>{note}</p>
            <button type="button" class="secondary">
                <Icon name=IconName::Exit/><span>{label}</span>
            </button>
        </div>
    }
}
