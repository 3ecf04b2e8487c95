//! `/admin/monitoring` (the dashboard) and `/admin/monitoring/report` (one printable page).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::monitoring_figures;
use super::model::{Dashboard, Figure, GuideRow, OutcomeRow, PairedChange, SplitRow, ALL_QUARTERS};
use crate::checkin::model::{references, Measure, REFERENCES};
use crate::i18n::{k, language_name_key, use_i18n, I18n};
use crate::ui::AdminNav;
use crate::ui::{DataTable, Icon, IconName, PrintButton};

fn period_query() -> (Option<String>, Option<String>) {
    let q = use_query_map().get_untracked();
    let take = |n: &str| q.get(n).map(|v| v.chars().take(7).collect::<String>());
    (take("from"), take("to"))
}

fn pct(v: Option<u32>) -> String {
    v.map(|p| format!("{p}%")).unwrap_or_else(|| "–".into())
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "–".into())
}

/// A horizontal bar chart drawn on the server; the numbers are also in the table next to it.
#[component]
fn BarChart(label: String, rows: Vec<(String, Figure)>) -> impl IntoView {
    const ROW: i64 = 34;
    const LABEL_W: i64 = 92;
    const BAR_W: i64 = 190;
    let max = rows
        .iter()
        .filter_map(|(_, f)| f.value())
        .max()
        .unwrap_or(0)
        .max(1);
    let height = (rows.len() as i64 * ROW).max(ROW);
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(n, (name, figure))| {
            let y = n as i64 * ROW;
            let width = figure.value().map(|v| v * BAR_W / max).unwrap_or(0);
            let value_x = LABEL_W + width + 6;
            view! {
                <g>
                    <text x="0" y=(y + 23).to_string() class="chart-label">{name}</text>
                    <rect x=LABEL_W.to_string() y=(y + 6).to_string() width=width.to_string() height="22" rx="3" class="chart-bar"></rect>
                    <text x=value_x.to_string() y=(y + 23).to_string() class="chart-value">{figure.shown()}</text>
                </g>
            }
        })
        .collect_view();
    let view_box = format!("0 0 340 {height}");
    view! {
        <figure class="chart">
            <svg viewBox=view_box role="img" aria-label=label.clone() dir="ltr" preserveAspectRatio="xMinYMin meet">
                {bars}
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}

/// A dashboard table's name for screen readers ("Table: …").
fn table_label(i: &I18n, name: &'static str) -> String {
    i.t_args("monitoring-table", &[("name", i.t(name))])
}

fn csv_link(i: &I18n, table: &str, d: &Dashboard) -> impl IntoView {
    let href = format!(
        "/admin/monitoring/csv/{table}.csv?from={}&to={}",
        d.from, d.to
    );
    view! {
        <p><a href=href class="button secondary" download=""><Icon name=IconName::Document/><span>{i.t("monitoring-csv")}</span></a></p>
    }
}

fn split_table(
    i: &I18n,
    rows: &[SplitRow],
    label: fn(&I18n, &str) -> String,
    head: String,
) -> impl IntoView {
    let region = i.t_args("monitoring-table", &[("name", head.clone())]);
    let body = rows
        .iter()
        .map(|r| view! { <tr><td>{r.month.clone()}</td><td>{label(i, &r.key)}</td><td>{r.requests.shown()}</td></tr> })
        .collect_view();
    view! {
        <DataTable label=region heads=vec![i.t("monitoring-month"), head, i.t("monitoring-help-requests")]>{body}</DataTable>
    }
}

fn theme_label(i: &I18n, key: &str) -> String {
    crate::help::model::Theme::parse(key)
        .map(|t| i.t(t.key()))
        .unwrap_or_else(|| key.to_string())
}

fn language_label(i: &I18n, key: &str) -> String {
    i.t(language_name_key(key))
}

fn guides_table(i: &I18n, rows: &[GuideRow]) -> impl IntoView {
    let body = rows
        .iter()
        .map(|r| {
            view! {
                <tr><td>{r.title.clone()}</td><td>{r.views.shown()}</td><td>{r.helped_yes.shown()}</td><td>{r.helped_no.shown()}</td></tr>
            }
        })
        .collect_view();
    view! {
        <DataTable label=table_label(i, "monitoring-guides") heads=vec![
            i.t("monitoring-guide"), i.t("monitoring-views"),
            i.t("monitoring-helped-yes"), i.t("monitoring-helped-no"),
        ]>{body}</DataTable>
    }
}

fn moment_label(i: &I18n, moment: &str) -> String {
    crate::checkin::model::Moment::parse(moment)
        .map(|m| {
            i.t(match m {
                crate::checkin::model::Moment::Start => k("monitoring-moment-start"),
                crate::checkin::model::Moment::ThreeMonths => k("monitoring-moment-3m"),
                crate::checkin::model::Moment::SixMonths => k("monitoring-moment-6m"),
            })
        })
        .unwrap_or_else(|| moment.to_string())
}

/// CBS's figures beside a measure: "10% (2024, everyone aged 15 and over)".
fn cbs(i: &I18n, measure: Measure) -> String {
    let figures: Vec<String> = references(measure)
        .map(|r| format!("{}% ({}, {})", r.percent, r.year, i.t(r.population)))
        .collect();
    if figures.is_empty() {
        "–".into()
    } else {
        i.list(figures)
    }
}

/// The check-in per moment over the whole period, each measure beside CBS's national figure:
/// the same table on the dashboard and in the one-page report.
fn outcomes_summary(i: &I18n, d: &Dashboard) -> impl IntoView {
    let moments = ["start", "3m", "6m"];
    let of = |m: &str| {
        d.outcomes
            .iter()
            .find(|r| r.quarter == ALL_QUARTERS && r.moment == m)
    };
    let cells = |value: &dyn Fn(&OutcomeRow) -> String| {
        moments
            .iter()
            .map(|m| {
                let v = of(m).map(value).unwrap_or_else(|| "–".into());
                view! { <td>{v}</td> }
            })
            .collect_view()
    };
    let change = |value: fn(&PairedChange) -> String| {
        move |r: &OutcomeRow| r.change.as_ref().map(value).unwrap_or_else(|| "–".into())
    };
    let line = |key: &'static str, value: &dyn Fn(&OutcomeRow) -> String, reference: String| {
        view! { <tr><th scope="row">{i.t(key)}</th>{cells(value)}<td>{reference}</td></tr> }
    };
    let none = || "–".to_string();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="outcomes-summary">
            <table class="report">
                <caption id="outcomes-summary">{i.t("monitoring-outcomes-summary")}</caption>
                <thead><tr>
                    <th scope="col">{i.t("monitoring-measure")}</th>
                    <th scope="col">{i.t("monitoring-moment-start")}</th>
                    <th scope="col">{i.t("monitoring-moment-3m")}</th>
                    <th scope="col">{i.t("monitoring-moment-6m")}</th>
                    <th scope="col">{i.t("monitoring-cbs")}</th>
                </tr></thead>
                <tbody>
                    {line(k("monitoring-checkins"), &|r| r.checkins.shown(), none())}
                    {line(k("monitoring-scored"), &|r| r.scored.shown(), none())}
                    {line(k("monitoring-not-lonely"), &|r| pct(r.not_lonely), cbs(i, Measure::NotLonely))}
                    {line(k("monitoring-moderately"), &|r| pct(r.moderately), cbs(i, Measure::Moderately))}
                    {line(k("monitoring-strongly"), &|r| pct(r.strongly), cbs(i, Measure::Strongly))}
                    {line(k("monitoring-emotional"), &|r| pct(r.emotional), none())}
                    {line(k("monitoring-social"), &|r| pct(r.social), none())}
                    {line(k("monitoring-life-mean"), &|r| text(&r.life_mean), none())}
                    {line(k("monitoring-satisfied"), &|r| pct(r.satisfied), cbs(i, Measure::Satisfied))}
                    {line(k("monitoring-help-yes"), &|r| pct(r.help_yes), none())}
                    {line(k("monitoring-unvalidated"), &|r| r.unvalidated.shown(), none())}
                    {line(k("monitoring-paired"), &change(|c| c.pairs.shown()), none())}
                    {line(k("monitoring-change-loneliness"), &change(|c| text(&c.loneliness)), none())}
                    {line(k("monitoring-less-lonely"), &change(|c| pct(c.less_lonely)), none())}
                    {line(k("monitoring-change-life"), &change(|c| text(&c.life)), none())}
                </tbody>
            </table>
        </div>
    }
}

/// Where the national figures come from, and how the check-in is scored.
fn outcomes_sources(i: &I18n) -> impl IntoView {
    let list = REFERENCES
        .iter()
        .map(|r| view! { <li><span dir="ltr">{format!("{}% · {} · {}", r.percent, r.year, r.source)}</span>" ("{i.t(r.population)}")"</li> })
        .collect_view();
    view! {
        <p class="hint">{i.t("monitoring-outcomes-how")}</p>
        <ul class="hint sources">{list}</ul>
    }
}

#[component]
fn PeriodForm(action: &'static str, from: String, to: String) -> impl IntoView {
    let i = use_i18n();
    view! {
        <form method="get" action=action class="period-form">
            <div class="field">
                <label for="from">{i.t("monitoring-from")}<span class="hint">{i.t("monitoring-month-hint")}</span></label>
                <input type="month" id="from" name="from" value=from dir="ltr" maxlength="7"/>
            </div>
            <div class="field">
                <label for="to">{i.t("monitoring-to")}</label>
                <input type="month" id="to" name="to" value=to dir="ltr" maxlength="7"/>
            </div>
            <button type="submit"><Icon name=IconName::Calendar/><span>{i.t("monitoring-show")}</span></button>
        </form>
    }
}

#[component]
pub fn MonitoringPage() -> impl IntoView {
    let i = use_i18n();
    let (from, to) = period_query();
    let content = crate::ui::loaded(monitoring_figures(from, to), move |(me, d)| {
        let report = format!("/admin/monitoring/report?from={}&to={}", d.from, d.to);
        let activity = d
            .activity
            .iter()
            .map(|r| {
                view! {
                    <tr>
                        <td>{r.month.clone()}</td><td>{r.municipality.clone()}</td>
                        <td>{r.groups_active.shown()}</td><td>{r.meetups_held.shown()}</td>
                        <td>{r.adults.shown()}</td><td>{r.children.shown()}</td>
                    </tr>
                }
            })
            .collect_view();
        let meetup_themes = d
            .meetup_themes
            .iter()
            .map(|r| {
                let theme = crate::meetups::model::Theme::parse(&r.theme)
                    .map(|t| i.t(t.key()))
                    .unwrap_or_else(|| r.theme.clone());
                view! {
                    <tr>
                        <td>{r.month.clone()}</td><td>{theme}</td>
                        <td>{r.meetups_held.shown()}</td>
                        <td>{r.adults.shown()}</td><td>{r.children.shown()}</td>
                    </tr>
                }
            })
            .collect_view();
        let joins = d
            .joins
            .iter()
            .map(|r| {
                view! {
                    <tr>
                        <td>{r.month.clone()}</td><td>{r.municipality.clone()}</td>
                        <td>{r.requests.shown()}</td><td>{pct(r.contacted_in_7_days)}</td>
                        <td>{text(&r.median_days_to_contact)}</td><td>{pct(r.joined)}</td>
                    </tr>
                }
            })
            .collect_view();
        let help = d
            .help
            .iter()
            .map(|r| view! {
                <tr>
                    <td>{r.month.clone()}</td><td>{r.requests.shown()}</td>
                    <td>{text(&r.median_hours_to_reply)}</td><td>{pct(r.answered_in_2_days)}</td>
                    <td>{r.interpreter.shown()}</td>
                </tr>
            })
            .collect_view();
        let misses = d
            .misses
            .iter()
            .map(|r| view! {
                <tr><td dir="ltr">{r.pc4.clone()}</td><td>{r.place.clone()}</td><td>{r.searches.shown()}</td></tr>
            })
            .collect_view();
        let waiting_rows = d
            .waiting
            .iter()
            .map(|r| view! {
                <tr><td dir="ltr">{r.pc4.clone()}</td><td>{r.place.clone()}</td><td>{r.waiting.shown()}</td></tr>
            })
            .collect_view();
        let partner_rows = d
            .partners
            .iter()
            .map(|r| view! {
                <tr><td>{r.month.clone()}</td><td><bdi>{r.partner.clone()}</bdi></td><td>{r.visits.shown()}</td><td>{r.join_requests.shown()}</td></tr>
            })
            .collect_view();
        let join_chart: Vec<(String, Figure)> = d
            .totals
            .per_month
            .iter()
            .map(|(m, j, _)| (m.clone(), *j))
            .collect();
        let help_chart: Vec<(String, Figure)> = d
            .totals
            .per_month
            .iter()
            .map(|(m, _, h)| (m.clone(), *h))
            .collect();
        let miss_chart: Vec<(String, Figure)> = d
            .misses
            .iter()
            .take(10)
            .map(|r| (r.pc4.clone(), r.searches))
            .collect();
        let quarter_rows = d
            .outcomes
            .iter()
            .filter(|r| r.quarter != ALL_QUARTERS)
            .map(|r| {
                let c = r.change.as_ref();
                let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".into());
                view! {
                    <tr>
                        <td>{r.quarter.clone()}</td><td>{moment_label(&i, &r.moment)}</td>
                        <td>{r.checkins.shown()}</td><td>{pct(r.not_lonely)}</td>
                        <td>{pct(r.moderately)}</td><td>{pct(r.strongly)}</td>
                        <td>{text(&r.life_mean)}</td><td>{pct(r.satisfied)}</td>
                        <td>{or_dash(c.map(|c| c.pairs.shown()))}</td>
                        <td>{or_dash(c.map(|c| text(&c.loneliness)))}</td>
                        <td>{or_dash(c.map(|c| text(&c.life)))}</td>
                    </tr>
                }
            })
            .collect_view();
        let referral_rows = d
            .referrals
            .iter()
            .map(|r| view! {
                <tr>
                    <td>{r.month.clone()}</td><td>{r.self_.shown()}</td><td>{r.known.shown()}</td>
                    <td>{r.professional.shown()}</td><td>{r.other.shown()}</td>
                    <td>{r.not_given.shown()}</td><td>{r.joined_child_four_plus.shown()}</td>
                </tr>
            })
            .collect_view();
        view! {
            <AdminNav coordinator=me.is_coordinator()/>
            <h1>{i.t("monitoring-title")}</h1>
            <p class="lead">{i.t("monitoring-intro")}</p>
            <PeriodForm action="/admin/monitoring" from=d.from.clone() to=d.to.clone()/>
            {(!d.help_cap.is_empty()).then(|| {
                let turned: i64 = d.help_cap.iter().map(|(_, n)| n).sum();
                let days = d.help_cap.iter().map(|(day, _)| day.clone()).collect::<Vec<_>>().join(", ");
                view! {
                    <p class="notice" role="status">
                        <Icon name=IconName::Info/>
                        <span>{i.t_args("monitoring-help-cap", &[
                            ("days", d.help_cap.len().to_string()),
                            ("turned", turned.to_string()),
                        ])}" "<span dir="ltr">{days}</span></span>
                    </p>
                }
            })}
            <p><a href=report class="button secondary"><Icon name=IconName::Print/><span>{i.t("monitoring-report-link")}</span></a></p>

            <section aria-labelledby="activity-heading">
                <h2 id="activity-heading">{i.t("monitoring-activity")}</h2>
                <DataTable label=table_label(&i, "monitoring-activity") heads=vec![
                    i.t("monitoring-month"), i.t("monitoring-municipality"),
                    i.t("monitoring-groups-active"), i.t("monitoring-meetups-held"),
                    i.t("monitoring-adults"), i.t("monitoring-children"),
                ]>{activity}</DataTable>
                {csv_link(&i, "activity", &d)}
            </section>

            <section aria-labelledby="meetup-themes-heading">
                <h2 id="meetup-themes-heading">{i.t("monitoring-meetup-themes")}</h2>
                <DataTable label=table_label(&i, "monitoring-meetup-themes") heads=vec![
                    i.t("monitoring-month"), i.t("monitoring-meetup-theme"),
                    i.t("monitoring-meetups-held"),
                    i.t("monitoring-adults"), i.t("monitoring-children"),
                ]>{meetup_themes}</DataTable>
            </section>

            <section aria-labelledby="joins-heading">
                <h2 id="joins-heading">{i.t("monitoring-joins")}</h2>
                <BarChart label=i.t("monitoring-joins-chart") rows=join_chart/>
                <DataTable label=table_label(&i, "monitoring-joins") heads=vec![
                    i.t("monitoring-month"), i.t("monitoring-municipality"),
                    i.t("monitoring-join-requests"), i.t("monitoring-contacted-7"),
                    i.t("monitoring-median-days"), i.t("monitoring-joined"),
                ]>{joins}</DataTable>
                {csv_link(&i, "joins", &d)}
            </section>

            <section>
                <h2 id="partners-heading">{i.t("monitoring-partners")}</h2>
                <p>{i.t("monitoring-partners-intro")}</p>
                <DataTable labelled_by="partners-heading" heads=vec![
                    i.t("monitoring-month"), i.t("monitoring-partner"),
                    i.t("monitoring-visits"), i.t("monitoring-join-requests"),
                ]>{partner_rows}</DataTable>
            </section>

            <section aria-labelledby="help-heading">
                <h2 id="help-heading">{i.t("monitoring-help")}</h2>
                <BarChart label=i.t("monitoring-help-chart") rows=help_chart/>
                <DataTable label=table_label(&i, "monitoring-help") heads=vec![
                    i.t("monitoring-month"), i.t("monitoring-help-requests"),
                    i.t("monitoring-median-hours"), i.t("monitoring-answered-2"),
                    i.t("monitoring-interpreter"),
                ]>{help}</DataTable>
                {csv_link(&i, "help", &d)}
                <h3>{i.t("monitoring-by-theme")}</h3>
                {split_table(&i, &d.help_themes, theme_label, i.t("monitoring-theme"))}
                {csv_link(&i, "help-themes", &d)}
                <h3>{i.t("monitoring-by-language")}</h3>
                {split_table(&i, &d.help_languages, language_label, i.t("monitoring-language"))}
                {csv_link(&i, "help-languages", &d)}
                <h3>{i.t("monitoring-by-interpreter")}</h3>
                {split_table(&i, &d.help_interpreters, language_label, i.t("monitoring-interpreter-language"))}
                {csv_link(&i, "help-interpreters", &d)}
            </section>

            <section aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">{i.t("monitoring-outcomes")}</h2>
                <p>{i.t("monitoring-outcomes-intro")}</p>
                {outcomes_summary(&i, &d)}
                <h3 id="outcomes-quarters">{i.t("monitoring-outcomes-quarters")}</h3>
                <DataTable labelled_by="outcomes-quarters" heads=vec![
                    i.t("monitoring-quarter"), i.t("monitoring-moment"), i.t("monitoring-checkins"),
                    i.t("monitoring-not-lonely"), i.t("monitoring-moderately"), i.t("monitoring-strongly"),
                    i.t("monitoring-life-mean"), i.t("monitoring-satisfied"), i.t("monitoring-paired"),
                    i.t("monitoring-change-loneliness"), i.t("monitoring-change-life"),
                ]>{quarter_rows}</DataTable>
                {csv_link(&i, "outcomes", &d)}
                {outcomes_sources(&i)}
            </section>

            <section>
                <h2 id="referrals-heading">{i.t("monitoring-referrals")}</h2>
                <p>{i.t("monitoring-referrals-intro")}</p>
                <DataTable labelled_by="referrals-heading" heads=vec![
                    i.t("monitoring-month"), i.t("join-referral-self"), i.t("join-referral-known"),
                    i.t("join-referral-professional"), i.t("join-referral-other"),
                    i.t("monitoring-referral-not-given"), i.t("monitoring-joined-four-plus"),
                ]>{referral_rows}</DataTable>
                {csv_link(&i, "referrals", &d)}
            </section>

            <section aria-labelledby="guides-heading">
                <h2 id="guides-heading">{i.t("monitoring-guides")}</h2>
                {guides_table(&i, &d.guides)}
                {csv_link(&i, "guides", &d)}
            </section>

            <section>
                <h2 id="waiting-heading">{i.t("monitoring-waiting")}</h2>
                <p>{i.t("monitoring-waiting-intro")}</p>
                <DataTable labelled_by="waiting-heading" heads=vec![
                    i.t("monitoring-pc4"), i.t("monitoring-place"),
                    i.t("monitoring-waiting-count"),
                ]>{waiting_rows}</DataTable>
            </section>

            <section aria-labelledby="misses-heading">
                <h2 id="misses-heading">{i.t("monitoring-misses")}</h2>
                <p>{i.t("monitoring-misses-intro")}</p>
                <BarChart label=i.t("monitoring-misses-chart") rows=miss_chart/>
                <DataTable label=table_label(&i, "monitoring-misses") heads=vec![
                    i.t("monitoring-pc4"), i.t("monitoring-place"),
                    i.t("monitoring-searches"),
                ]>{misses}</DataTable>
                {csv_link(&i, "unmet-demand", &d)}
                <p class="attribution">{i.t("attribution-geonames")}</p>
            </section>
            <p class="hint">{i.t("monitoring-privacy")}</p>
        }
        .into_any()
    });
    view! {
        <Title text=i.t("monitoring-title")/>
        <section class="page admin wide">
            {content}
        </section>
    }
}

/// One page for a council letter: the period's totals, the months, the unmet demand.
#[component]
pub fn MonitoringReportPage() -> impl IntoView {
    let i = use_i18n();
    let (from, to) = period_query();
    let content = crate::ui::loaded(monitoring_figures(from, to), move |(_, d)| {
        let t = &d.totals;
        let line = |key: &'static str, value: String| {
            view! { <tr><th scope="row">{i.t(key)}</th><td>{value}</td></tr> }
        };
        let months = t
            .per_month
            .iter()
            .map(|(m, j, h)| view! { <tr><td>{m.clone()}</td><td>{j.shown()}</td><td>{h.shown()}</td></tr> })
            .collect_view();
        let top = d
            .misses
            .iter()
            .take(5)
            .map(|r| view! { <li><bdi dir="ltr">{r.pc4.clone()}</bdi>" "{r.place.clone()}": "{r.searches.shown()}</li> })
            .collect_view();
        let back = format!("/admin/monitoring?from={}&to={}", d.from, d.to);
        view! {
            <div class="no-print guide-actions">
                <PrintButton label=i.t("guide-print-now")/>
                <a class="button secondary" href=back><Icon name=IconName::Chart/><span>{i.t("monitoring-title")}</span></a>
            </div>
            <h1>{i.t_args("monitoring-report-title", &[("from", d.from.clone()), ("to", d.to.clone())])}</h1>
            <p>{i.t("monitoring-report-intro")}</p>
            <table class="report">
                <tbody>
                    {line("monitoring-groups-active", t.groups_active.shown())}
                    {line("monitoring-meetups-held", t.meetups_held.shown())}
                    {line("monitoring-adults", t.adults.shown())}
                    {line("monitoring-children", t.children.shown())}
                    {line("monitoring-join-requests", t.join_requests.shown())}
                    {line("monitoring-contacted-7", pct(t.contacted_in_7_days))}
                    {line("monitoring-median-days", text(&t.median_days_to_contact))}
                    {line("monitoring-joined", pct(t.joined))}
                    {line(k("monitoring-referred-professional"), t.referred_by_professional.shown())}
                    {line(k("monitoring-joined-four-plus"), t.joined_child_four_plus.shown())}
                    {line("monitoring-help-requests", t.help_requests.shown())}
                    {line("monitoring-median-hours", text(&t.median_hours_to_reply))}
                    {line("monitoring-answered-2", pct(t.answered_in_2_days))}
                    {line("monitoring-interpreter", t.interpreter_requests.shown())}
                    {line("monitoring-views", t.guide_views.shown())}
                    {line("monitoring-searches", t.searches_without_group.shown())}
                </tbody>
            </table>
            <h2>{i.t("monitoring-per-month")}</h2>
            <table class="report">
                <thead><tr><th scope="col">{i.t("monitoring-month")}</th><th scope="col">{i.t("monitoring-join-requests")}</th><th scope="col">{i.t("monitoring-help-requests")}</th></tr></thead>
                <tbody>{months}</tbody>
            </table>
            <h2>{i.t("monitoring-outcomes")}</h2>
            {outcomes_summary(&i, &d)}
            {outcomes_sources(&i)}
            <h2>{i.t("monitoring-misses")}</h2>
            <ul>{top}</ul>
            <p class="hint">{i.t("monitoring-privacy")}</p>
        }
        .into_any()
    });
    view! {
        <Title text=i.t("monitoring-title")/>
        <section class="page admin report-page">
            {content}
        </section>
    }
}
