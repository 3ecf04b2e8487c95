//! The comfort a guide gets in the browser: tick a step done (kept in this browser only,
//! nothing is sent) and read aloud with the browser's own voice. Without JavaScript both stay
//! hidden; the guide itself is whole without them.
use leptos::prelude::*;

use crate::ui::{Icon, IconName};

/// Where the ticks of one guide are kept: `localStorage["doorstart-done-<guide>"] = "s1,s3"`.
#[cfg(feature = "hydrate")]
mod device {
    fn key(guide: &str) -> String {
        format!("doorstart-done-{guide}")
    }

    fn storage() -> Option<web_sys::Storage> {
        leptos::prelude::window().local_storage().ok().flatten()
    }

    pub fn done_steps(guide: &str) -> Vec<String> {
        storage()
            .and_then(|s| s.get_item(&key(guide)).ok().flatten())
            .map(|v| {
                v.split(',')
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn set_done(guide: &str, step: &str, done: bool) {
        let mut steps = done_steps(guide);
        steps.retain(|s| s != step);
        if done {
            steps.push(step.to_string());
        }
        if let Some(s) = storage() {
            let _ = if steps.is_empty() {
                s.remove_item(&key(guide))
            } else {
                s.set_item(&key(guide), &steps.join(","))
            };
        }
    }

    /// Forgets every tick of every guide on this device (also done by the quick exit).
    pub fn clear_all() {
        if let Some(s) = storage() {
            let keys: Vec<String> = (0..s.length().unwrap_or(0))
                .filter_map(|n| s.key(n).ok().flatten())
                .filter(|k| k.starts_with("doorstart-done-"))
                .collect();
            for k in keys {
                let _ = s.remove_item(&k);
            }
        }
    }

    fn synth() -> Option<web_sys::SpeechSynthesis> {
        leptos::prelude::window().speech_synthesis().ok()
    }

    /// A voice exists for the page's language ("nl" matches "nl-NL", "nl-BE").
    pub fn has_voice(lang: &str) -> bool {
        let Some(s) = synth() else { return false };
        s.get_voices().iter().any(|v| {
            js_sys::Reflect::get(&v, &"lang".into())
                .ok()
                .and_then(|l| l.as_string())
                .is_some_and(|l| l.to_ascii_lowercase().split(['-', '_']).next() == Some(lang))
        })
    }

    /// Calls `then` when the browser has loaded its voices (they come late in Chromium).
    pub fn on_voices(then: impl Fn() + 'static) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        if let Some(s) = synth() {
            let cb = Closure::<dyn Fn()>::new(then);
            let _ =
                s.add_event_listener_with_callback("voiceschanged", cb.as_ref().unchecked_ref());
            cb.forget();
        }
    }

    pub fn speak(texts: &[String], lang: &str) {
        let Some(s) = synth() else { return };
        s.cancel();
        for text in texts {
            if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
                u.set_lang(lang);
                s.speak(&u);
            }
        }
    }

    pub fn stop() {
        if let Some(s) = synth() {
            s.cancel();
        }
    }
}

/// "Done" and "Read aloud" for one step.
#[island]
pub fn StepTools(
    guide: String,
    step: String,
    speech: String,
    lang: String,
    done_label: String,
    read_label: String,
) -> impl IntoView {
    let alive = RwSignal::new(false);
    let done = RwSignal::new(false);
    let voice = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        let (g, s, l) = (guide.clone(), step.clone(), lang.clone());
        Effect::new(move || {
            alive.set(true);
            done.set(device::done_steps(&g).contains(&s));
            voice.set(device::has_voice(&l));
            let l = l.clone();
            device::on_voices(move || voice.set(device::has_voice(&l)));
        });
    }
    let id = format!("done-{step}");
    let (g, s) = (guide.clone(), step.clone());
    let _ = (&g, &s, &speech, &lang);
    view! {
        <div class="step-tools" hidden=move || !alive.get()>
            <div class="done-toggle">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=move || done.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        done.set(on);
                        #[cfg(feature = "hydrate")]
                        device::set_done(&g, &s, on);
                    }
                />
                <label for=id><Icon name=IconName::Check/><span>{done_label}</span></label>
            </div>
            <button
                type="button"
                class="secondary read-aloud"
                hidden=move || !voice.get()
                on:click=move |_| {
                    #[cfg(feature = "hydrate")]
                    device::speak(std::slice::from_ref(&speech), &lang);
                }
            >
                <Icon name=IconName::Speaker/><span>{read_label}</span>
            </button>
        </div>
    }
}

/// Read the whole guide aloud, and stop.
#[island]
pub fn ReadAll(
    texts: Vec<String>,
    lang: String,
    label: String,
    stop_label: String,
) -> impl IntoView {
    let voice = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        let l = lang.clone();
        Effect::new(move || {
            voice.set(device::has_voice(&l));
            let l = l.clone();
            device::on_voices(move || voice.set(device::has_voice(&l)));
        });
    }
    let _ = (&texts, &lang);
    view! {
        <div class="read-all" hidden=move || !voice.get()>
            <button type="button" class="secondary read-aloud-all" on:click=move |_| {
                #[cfg(feature = "hydrate")]
                device::speak(&texts, &lang);
            }>
                <Icon name=IconName::Speaker/><span>{label}</span>
            </button>
            <button type="button" class="secondary" on:click=move |_| {
                #[cfg(feature = "hydrate")]
                device::stop();
            }>
                <Icon name=IconName::Exit/><span>{stop_label}</span>
            </button>
        </div>
    }
}

/// Where the ticks are kept, said plainly, with one button that clears them on this device.
/// Without JavaScript there are no ticks, so nothing shows.
#[island]
pub fn ClearTicks(note: String, label: String) -> impl IntoView {
    let alive = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move || alive.set(true));
    view! {
        <div class="ticks-note" hidden=move || !alive.get()>
            <p>{note}</p>
            <button type="button" class="secondary" on:click=move |_| {
                #[cfg(feature = "hydrate")]
                {
                    device::clear_all();
                    let _ = leptos::prelude::window().location().reload();
                }
            }>
                <Icon name=IconName::Exit/><span>{label}</span>
            </button>
        </div>
    }
}
