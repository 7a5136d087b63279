//! The CSV panel: touchpoints, pain points, opportunities and stakeholders as spreadsheet
//! files, and touchpoints or stakeholders added from one after a preview that lists the
//! rows left out with their line and reason.

use crate::adapters::files::{download_text, read_file_input_text};
use crate::model::csv_files::{export, import, Preview, Table};
use crate::ui::editor::state::{EditorState, Panel};
use leptos::prelude::*;

/// Rows of the preview shown before "and N more".
const SHOWN_ROWS: usize = 12;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What adding the file does, in one sentence.
fn summary(p: &Preview) -> String {
    let (one, many) = match p.table {
        Table::Stakeholders => ("stakeholder", "stakeholders"),
        _ => ("touchpoint", "touchpoints"),
    };
    let mut s = format!("Adds {}", plural(p.rows.len(), one, many));
    if !p.new_stages.is_empty() {
        s.push_str(&format!(
            ", {} ({})",
            plural(p.new_stages.len(), "new stage", "new stages"),
            p.new_stages.join(", ")
        ));
    }
    if !p.new_stakeholders.is_empty() {
        s.push_str(&format!(
            ", {} ({})",
            plural(
                p.new_stakeholders.len(),
                "new stakeholder",
                "new stakeholders"
            ),
            p.new_stakeholders.join(", ")
        ));
    }
    s.push('.');
    if !p.ignored_columns.is_empty() {
        s.push_str(&format!(
            " Columns Trailmap does not read are left out: {}.",
            p.ignored_columns.join(", ")
        ));
    }
    s
}

/// The CSV panel.
#[component]
pub fn CsvPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    let file = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<Result<Preview, String>>);
    let download = move |table: Table| {
        let (name, text) =
            editor.with_map_untracked(|m| (table.file_name(&m.scope.title), export(m, table)));
        match download_text(&text, "text/csv;charset=utf-8", &name) {
            Ok(()) => editor.toasts.info(&format!("Downloaded {name}.")),
            Err(e) => editor
                .toasts
                .info(&format!("The file was not downloaded: {e}.")),
        }
    };
    let buttons = Table::ALL
        .into_iter()
        .map(|t| {
            let label = format!("Download {}", t.label());
            view! { <button type="button" class="button" on:click=move |_| download(t)>{label}</button> }
        })
        .collect_view();
    // The preview takes ids from a copy; adding reads the file again against the map as it
    // is then, with ids from the editor.
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        leptos::task::spawn_local(async move {
            match read_file_input_text(&input).await {
                Ok(Some(text)) => {
                    let mut scratch = editor.with_map_untracked(|m| m.clone());
                    let result = {
                        let map = scratch.clone();
                        import(&map, &text, &mut || scratch.new_id()).map_err(|e| e.to_string())
                    };
                    preview.set(Some(result));
                    file.set(Some(text));
                }
                Ok(None) => {}
                Err(e) => preview.set(Some(Err(e))),
            }
            input.set_value("");
        });
    };
    let cancel = move || {
        preview.set(None);
        file.set(None);
    };
    let add = move |_| {
        let Some(text) = file.get_untracked() else {
            return;
        };
        let map = editor.with_map_untracked(|m| m.clone());
        match import(&map, &text, &mut || editor.new_id()) {
            Ok(Preview {
                edit: Some(edit),
                rows,
                table,
                ..
            }) => {
                if editor.apply(edit) {
                    editor.toasts.info(&format!(
                        "Added {} from the file. Undo (Ctrl+Z) takes them all back.",
                        plural(
                            rows.len(),
                            if table == Table::Stakeholders {
                                "stakeholder"
                            } else {
                                "touchpoint"
                            },
                            if table == Table::Stakeholders {
                                "stakeholders"
                            } else {
                                "touchpoints"
                            }
                        )
                    ));
                    cancel();
                }
            }
            Ok(_) => preview.set(Some(Err("No row of the file can be added.".into()))),
            Err(e) => preview.set(Some(Err(e.to_string()))),
        }
    };
    // One shape for every outcome, so the preview is one view: a message, the rows to
    // add, the rows left out, and the buttons.
    let shown = move || {
        preview.get().map(|p| {
            let (message, failed, mut rows, errors, can_add) = match p {
                Err(e) => (e, true, Vec::new(), Vec::new(), false),
                Ok(p) => {
                    let message = if p.edit.is_some() {
                        summary(&p)
                    } else {
                        "No row of the file can be added.".to_string()
                    };
                    let errors: Vec<String> = p.errors.iter().map(|e| e.to_string()).collect();
                    (message, false, p.rows, errors, p.edit.is_some())
                }
            };
            let more = rows.len().saturating_sub(SHOWN_ROWS);
            rows.truncate(SHOWN_ROWS);
            if more > 0 {
                rows.push(format!("and {more} more"));
            }
            let no_errors = errors.is_empty();
            let errors_head = format!("{} left out:", plural(errors.len(), "row is", "rows are"));
            view! {
                <div class="csv-preview" data-testid="csv-preview">
                    <p class:form-error=failed role=failed.then_some("alert") data-testid=if failed { "csv-error" } else { "csv-summary" }>{message}</p>
                    <ul class="left-out">{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    <div class="form-error" role="alert" data-testid="csv-row-errors" hidden=no_errors>
                        <p><strong>{errors_head}</strong></p>
                        <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                    </div>
                    <p class="actions">
                        <button type="button" class="button primary" disabled=!can_add on:click=add>"Add to the map"</button>
                        <button type="button" class="button" on:click=move |_| cancel()>"Cancel"</button>
                    </p>
                </div>
            }
        })
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="csv-panel">
            <button type="button" class="icon close" aria-label="Close spreadsheets" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Spreadsheets (CSV)"</h2>
            <p class="hint">"One file per table, for Excel, Numbers or Google Sheets (UTF-8, commas, quotes where needed)."</p>
            <div class="csv-downloads">{buttons}</div>
            <h3>"Add from a file"</h3>
            <p class="hint">"A .csv file of touchpoints (with a “Touchpoint” and a “Stage” column) or of stakeholders (with a “Name” column), such as one downloaded here. Rows are added to this map after a preview; nothing there is changed."</p>
            {(!editor.read_only).then(|| view! {
                <label class="button file-button">
                    "Choose a .csv file…"
                    <input type="file" accept=".csv,text/csv" class="visually-hidden" data-testid="csv-import-file" on:change=on_file/>
                </label>
            })}
            {shown}
        </aside>
    }
}
