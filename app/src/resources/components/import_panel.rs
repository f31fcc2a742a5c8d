//! 导入/导出: templates, the export of the list as filtered, and the import with its progress
//! and its row-by-row report.

use leptos::html::Form;
use leptos::prelude::*;

use crate::i18n::use_i18n;
#[cfg(feature = "hydrate")]
use crate::resources::ImportMessage;
use crate::resources::{FILES_PATH, ImportReport, ImportStage, ResourceQuery};

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum ImportState {
    Idle,
    Uploading(f64),
    Working {
        stage: ImportStage,
        done: usize,
        total: usize,
    },
    Finished(ImportReport),
    Failed(u16),
}

#[component]
pub fn ImportPanel(
    query: Memo<ResourceQuery>,
    on_imported: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    // Only the browser posts the file; the server renders the form.
    #[cfg(not(feature = "hydrate"))]
    let _ = on_imported;
    let i18n = use_i18n();
    let state = RwSignal::new(ImportState::Idle);
    let form = NodeRef::<Form>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        if let Some(el) = form.get() {
            use crate::ui::upload::{UploadEvent, post_form};
            state.set(ImportState::Uploading(0.0));
            post_form(
                &el,
                &format!("{FILES_PATH}/import"),
                move |event| match event {
                    UploadEvent::Sent { loaded, total } if total > 0.0 => {
                        state.set(ImportState::Uploading(loaded / total));
                    }
                    UploadEvent::Sent { .. } => {}
                    UploadEvent::Receiving(text) => {
                        if let Some(ImportMessage::Progress { stage, done, total }) =
                            ImportMessage::last_in(&text)
                        {
                            state.set(ImportState::Working { stage, done, total });
                        }
                    }
                    UploadEvent::Done { status: 200, text } => {
                        match ImportMessage::last_in(&text) {
                            Some(ImportMessage::Done { report }) => {
                                if report.changed() {
                                    on_imported();
                                }
                                state.set(ImportState::Finished(report));
                            }
                            _ => state.set(ImportState::Failed(500)),
                        }
                    }
                    UploadEvent::Done { status, .. } => state.set(ImportState::Failed(status)),
                },
            );
        }
    };
    let links = move || {
        let t = &i18n.t().resources;
        let params = query.get().to_params();
        let export = |ext: &str| format!("{FILES_PATH}/export.{ext}?{params}");
        view! {
            <p class="transfer__links">
                <span>{t.template}</span>
                <a href=format!("{FILES_PATH}/template.xlsx") download>"XLSX"</a>
                <a href=format!("{FILES_PATH}/template.csv") download>"CSV"</a>
                <span>{t.export_list}</span>
                <a href=export("xlsx") download data-testid="export-xlsx">"XLSX"</a>
                <a href=export("csv") download data-testid="export-csv">"CSV"</a>
            </p>
        }
    };
    view! {
        <details class="transfer" data-testid="import-panel">
            <summary>{move || i18n.t().resources.transfer_title}</summary>
            {links}
            <form node_ref=form class="form" method="post" enctype="multipart/form-data"
                action=format!("{FILES_PATH}/import") on:submit=on_submit
                aria-label=move || i18n.t().resources.import_title>
                <label class="field">
                    <span class="field__label">{move || i18n.t().resources.import_file}</span>
                    <input type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
                </label>
                <label class="check">
                    <input type="checkbox" name="mode" value="valid_only" />
                    {move || i18n.t().resources.valid_only}
                </label>
                <p class="field__hint">{move || i18n.t().resources.import_hint}</p>
                <button class="button button--primary" type="submit"
                    disabled=move || matches!(state.get(), ImportState::Uploading(_) | ImportState::Working { .. })>
                    {move || i18n.t().resources.import_button}
                </button>
            </form>
            {move || view! { <Progress state=state.get() /> }}
        </details>
    }
    .into_any()
}

#[component]
fn Progress(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().resources;
    match state {
        ImportState::Idle => ().into_any(),
        ImportState::Uploading(share) => view! {
            <p role="status">{t.uploading} <progress max="1" value=share.to_string()></progress></p>
        }
        .into_any(),
        ImportState::Working { stage, done, total } => {
            let label = match stage {
                ImportStage::Reading => t.stage_reading,
                ImportStage::Checking => t.stage_checking,
                ImportStage::Writing => t.stage_writing,
            };
            view! {
                <p role="status" data-testid="import-progress">
                    {label} " " {done} " / " {total}
                    <progress max=total.max(1).to_string() value=done.to_string()></progress>
                </p>
            }
            .into_any()
        }
        ImportState::Failed(status) => view! {
            <p class="notice notice--error" role="alert">{t.import_failed} " (HTTP " {status} ")"</p>
        }
        .into_any(),
        ImportState::Finished(report) => view! { <Report report /> }.into_any(),
    }
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().resources;
    if let Some(why) = report.refused {
        return view! { <p class="notice notice--error" role="alert" data-testid="import-report">{why}</p> }.into_any();
    }
    let summary = format!(
        "{} {} · {} {} · {} {}",
        t.rows_read,
        report.rows,
        t.rows_imported,
        report.imported,
        t.rows_rejected,
        report.rejected_rows
    );
    let nothing = (report.imported == 0 && report.rejected_rows > 0).then_some(t.nothing_imported);
    let class = if report.rejected_rows > 0 {
        "notice notice--error"
    } else {
        "notice notice--ok"
    };
    let rows = report
        .errors
        .into_iter()
        .map(|e| view! { <tr><td class="num">{e.line}</td><td>{e.field}</td><td>{e.message}</td></tr> })
        .collect_view();
    view! {
        <div class=class role="status" data-testid="import-report">
            <p>{summary}</p>
            {nothing.map(|text| view! { <p><strong>{text}</strong></p> })}
        </div>
        {(report.rejected_rows > 0).then(|| view! {
            <div class="table-wrap">
                <table class="table table--dense" data-testid="import-errors">
                    <thead><tr><th>{t.line}</th><th>{t.field}</th><th>{t.problem}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
    }
    .into_any()
}
