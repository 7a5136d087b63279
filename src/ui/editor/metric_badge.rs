//! A KPI card's metric on the map: its current value and a small progress bar from the
//! baseline towards the target, coloured by whether it moved the way that counts as better.

use crate::model::metrics::Metric;
use leptos::prelude::*;

/// The words a screen reader hears for the bar, and the visible line.
pub fn describe(m: &Metric) -> (String, String) {
    let now = m.current.map(|v| m.format(v));
    let target = m.target.map(|v| m.format(v));
    let baseline = m.baseline.map(|v| m.format(v));
    let line = match (&now, &target) {
        (Some(n), Some(t)) => format!("{n} → target {t}"),
        (Some(n), None) => n.clone(),
        (None, Some(t)) => format!("No value yet → target {t}"),
        (None, None) => "No value yet".to_string(),
    };
    let spoken = match m.progress() {
        Some(p) => format!(
            "{line}, from a baseline of {}: {}{}",
            baseline.unwrap_or_default(),
            if p.met {
                "target met".to_string()
            } else {
                format!("{} % of the way", (p.fraction * 100.0).round() as i64)
            },
            match p.improved {
                Some(true) => ", better than the baseline",
                Some(false) => ", worse than the baseline",
                None => "",
            }
        ),
        None => line.clone(),
    };
    (line, spoken)
}

/// The CSS class for the bar: better, worse or flat.
pub fn trend_class(m: &Metric) -> &'static str {
    match m.progress().map(|p| (p.met, p.improved)) {
        Some((true, _)) => "metric-bar met",
        Some((_, Some(true))) => "metric-bar better",
        Some((_, Some(false))) => "metric-bar worse",
        _ => "metric-bar flat",
    }
}

/// The metric line and bar of a KPI card.
#[component]
pub fn MetricBadge(
    /// The metric (`None`: the card has none yet).
    #[prop(into)]
    metric: Signal<Option<Metric>>,
) -> impl IntoView {
    move || {
        metric.get().map(|m| {
            let (line, spoken) = describe(&m);
            let fraction = m.progress().map(|p| p.fraction);
            view! {
                <div class="metric-badge" data-testid="metric-badge">
                    <span class="metric-value">{line}</span>
                    {fraction.map(|f| view! {
                        <span class=trend_class(&m) role="img" aria-label=spoken.clone()>
                            <span class="metric-fill" style=format!("width: {}%", (f * 100.0).round() as i64)></span>
                        </span>
                    })}
                    {m.journey.then(|| view! { <span class="chip">"Journey"</span> })}
                </div>
            }
        })
    }
}
