//! The report panel: the map as one Markdown document (model::report) for a wiki page or
//! a pull request, with the emotion curve and the influence–interest matrix as two SVG
//! files it shows by their names: download the three, or copy the text.

use crate::adapters::files::download_text;
use crate::adapters::share::copy_text;
use crate::model::report::{file_names, report};
use crate::ui::editor::chart_canvas::{curve_svg, matrix_svg};
use crate::ui::editor::state::{EditorState, Panel, Part};
use leptos::prelude::*;

/// One of the report's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum File {
    Report,
    Curve,
    Matrix,
}

/// The name and text of `file` for the map as it is now.
fn make(editor: EditorState, file: File) -> Result<(String, String, &'static str), String> {
    editor.with_map_untracked(|m| {
        let names = file_names(&m.scope.title);
        let chart = |svg: Result<String, crate::charts::ChartError>| svg.map_err(|e| e.to_string());
        Ok(match file {
            File::Report => (
                names.report.clone(),
                report(m, crate::adapters::clock::today(), &names),
                "text/markdown;charset=utf-8",
            ),
            File::Curve => (
                names.curve,
                chart(curve_svg(m, 1300, 460))?,
                "image/svg+xml",
            ),
            File::Matrix => (
                names.matrix,
                chart(matrix_svg(m, 640, 700))?,
                "image/svg+xml",
            ),
        })
    })
}

/// Downloads `files`; says which were downloaded, or why one was not.
fn download(editor: EditorState, files: &[File]) {
    let mut done = Vec::new();
    for file in files {
        match make(editor, *file)
            .and_then(|(name, text, mime)| download_text(&text, mime, &name).map(|()| name))
        {
            Ok(name) => done.push(name),
            Err(e) => {
                editor
                    .toasts
                    .info(&format!("The file was not downloaded: {e}."));
                return;
            }
        }
    }
    let message = match done.as_slice() {
        [one] => format!("Downloaded {one}."),
        [init @ .., last] => format!("Downloaded {} and {last}.", init.join(", ")),
        [] => return,
    };
    editor.toasts.info(&message);
}

/// The report panel.
#[component]
pub fn ReportPanel() -> impl IntoView {
    let editor = expect_context::<EditorState>();
    // Made again on each change while the panel is open (the text only; the charts are
    // drawn when they are downloaded).
    let text = Memo::new(move |_| {
        editor.track(Part::Any);
        make(editor, File::Report)
            .map(|(_, text, _)| text)
            .unwrap_or_default()
    });
    let names = Memo::new(move |_| editor.read(Part::Scope, |m| file_names(&m.scope.title)));
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => editor.toasts.info("Copied the report's Markdown. Add the two chart files where you paste it."),
                Err(_) => editor.toasts.info(
                    "The browser did not allow copying: select the report's text and copy it by hand.",
                ),
            }
        });
    };
    view! {
        <aside class="side-panel" aria-labelledby="panel-title" data-testid="report-panel">
            <button type="button" class="icon close" aria-label="Close report" on:click=move |_| editor.panel.set(Panel::Closed)>"×"</button>
            <h2 id="panel-title">"Markdown report"</h2>
            <p class="hint">"The map as one document for a wiki page or a pull request: scope, personas, stages with their touchpoints and the customer's words, moments of truth, stakeholders by quadrant, the top pain points and the improvement plan."</p>
            <p class="actions">
                <button type="button" class="button primary" data-testid="report-download-all"
                    on:click=move |_| download(editor, &[File::Report, File::Curve, File::Matrix])>"Download report and charts"</button>
                <button type="button" class="button" on:click=copy>"Copy Markdown"</button>
            </p>
            <h3>"The charts are two files"</h3>
            <p class="hint" data-testid="report-images-hint">
                "The report shows the emotion curve and the stakeholder matrix as images by file name, so keep "
                <code>{move || names.with(|n| n.curve.clone())}</code>" and "<code>{move || names.with(|n| n.matrix.clone())}</code>
                " in the same folder as "<code>{move || names.with(|n| n.report.clone())}</code>
                ". In a pull request, commit the three together. In a wiki, upload the two SVG files to the page under these names, then paste the Markdown."
            </p>
            <p class="actions">
                <button type="button" class="button" on:click=move |_| download(editor, &[File::Report])>"Download .md only"</button>
                <button type="button" class="button" on:click=move |_| download(editor, &[File::Curve])>"Download emotion curve (.svg)"</button>
                <button type="button" class="button" on:click=move |_| download(editor, &[File::Matrix])>"Download matrix (.svg)"</button>
            </p>
            <label class="field">
                <span class="field-label">"Markdown"</span>
                <textarea class="code" readonly rows="14" data-testid="report-text" prop:value=move || text.get()></textarea>
            </label>
        </aside>
    }
}
