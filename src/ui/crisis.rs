//! The crisis numbers, on every help page, the offline page and "what happens".
use leptos::prelude::*;

use super::{Icon, IconName};
use crate::i18n::use_i18n;

/// Always on help pages (and kept offline): where to call when it cannot wait. Numbers checked 2026-12-02:
/// 112 (emergency), Veilig Thuis 0800-2000, 113 Zelfmoordpreventie 113 or 0800-0113 (both free
/// since October 2025, 113.nl), De Luisterlijn 088-0767000.
///
/// `short`: one short line per service (the number to tap and what it is for, in a few words),
/// so on a help page the first screen of a small phone (360 px) still shows the task. The
/// footer of every page and "what happens" carry the longer lines with the services' names.
#[component]
pub fn CrisisNumbers(#[prop(optional)] short: bool) -> impl IntoView {
    let i = use_i18n();
    let line = |href: &'static str, number: &'static str, name: &'static str, what: String| {
        view! {
            <li>
                <a href=href class="crisis-number"><bdi dir="ltr">{number}</bdi></a>
                " "{(!name.is_empty()).then(|| view! { <strong>{name}</strong> })}" – "{what}
            </li>
        }
    };
    // The short line: the number to tap and what it is for, in the reader's words.
    let brief = |href: &'static str, number: &'static str, what: String| {
        view! {
            <li>
                <a href=href class="crisis-number"><Icon name=IconName::Phone/><bdi dir="ltr">{number}</bdi></a>
                " "{what}
            </li>
        }
    };
    let lines = if short {
        view! {
            {brief("tel:112", "112", i.t("crisis-112"))}
            {brief("tel:08002000", "0800-2000", i.t("crisis-short-veilig-thuis"))}
            {brief("tel:113", "113", i.t("crisis-short-113"))}
            {brief("tel:0880767000", "088-0767000", i.t("crisis-short-luisterlijn"))}
        }
        .into_any()
    } else {
        view! {
            {line("tel:112", "112", "", i.t("crisis-112"))}
            {line("tel:08002000", "0800-2000", "Veilig Thuis", i.t("crisis-veilig-thuis"))}
            {line("tel:113", "113", "113 Zelfmoordpreventie", i.t("crisis-113"))}
            {line("tel:08000113", "0800-0113", "113 Zelfmoordpreventie", i.t("crisis-113"))}
            {line("tel:0880767000", "088-0767000", "De Luisterlijn", i.t("crisis-luisterlijn"))}
        }
        .into_any()
    };
    let class = if short { "crisis short" } else { "crisis" };
    view! {
        <aside class=class aria-labelledby="crisis-heading">
            <h2 id="crisis-heading">{i.t("crisis-heading")}</h2>
            <ul>{lines}</ul>
        </aside>
    }
}
