//! A table of entries or figures: on a narrow screen it scrolls sideways on its own, in a region
//! that a keyboard can reach and a screen reader names.
use leptos::prelude::*;

/// A table with one row of column headings; the rows come as children. The scrolling region is
/// named by `label`, or by the element whose id is `labelled_by` (a heading above the table).
#[component]
pub fn DataTable(
    heads: Vec<String>,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] labelled_by: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let heads = heads
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label aria-labelledby=labelled_by>
            <table>
                <thead><tr>{heads}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
