//! The crisis numbers, on every help page, the offline page and "what happens".
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Always on help pages (and kept offline): where to call when it cannot wait. Numbers checked 2026-12-02:
/// 112 (emergency), Veilig Thuis 0800-2000, 113 Zelfmoordpreventie 113 or 0800-0113 (both free
/// since October 2025, 113.nl), De Luisterlijn 088-0767000.
#[component]
pub fn CrisisNumbers() -> impl IntoView {
    let i = use_i18n();
    let line = |href: &'static str, number: &'static str, name: &'static str, what: String| {
        view! {
            <li>
                <a href=href class="crisis-number"><bdi dir="ltr">{number}</bdi></a>
                " "{(!name.is_empty()).then(|| view! { <strong>{name}</strong> })}" – "{what}
            </li>
        }
    };
    view! {
        <aside class="crisis" aria-labelledby="crisis-heading">
            <h2 id="crisis-heading">{i.t("crisis-heading")}</h2>
            <ul>
                {line("tel:112", "112", "", i.t("crisis-112"))}
                {line("tel:08002000", "0800-2000", "Veilig Thuis", i.t("crisis-veilig-thuis"))}
                {line("tel:113", "113", "113 Zelfmoordpreventie", i.t("crisis-113"))}
                {line("tel:08000113", "0800-0113", "113 Zelfmoordpreventie", i.t("crisis-113"))}
                {line("tel:0880767000", "088-0767000", "De Luisterlijn", i.t("crisis-luisterlijn"))}
            </ul>
        </aside>
    }
}
