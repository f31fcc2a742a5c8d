//! 附件 on the incident page: what was brought (photos shown small, the rest as links) and a
//! plain upload form, which works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::incidents::{AttachmentKind, AttachmentView, UploadRefusal};
use crate::ui::Field;
use crate::ui::time::format_minutes;

fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} B"),
    }
}

#[component]
pub fn Attachments(incident: Uuid, attachments: Vec<AttachmentView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.t().incidents;
    let query = use_query_map();
    let refusal = move || {
        let key = query.read().get("attachment")?;
        let refusal = UploadRefusal::parse(&key)?;
        Some(
            view! { <p class="notice notice--error" role="alert">{i18n.t().incidents.upload_refusal(refusal)}</p> },
        )
    };
    let list = if attachments.is_empty() {
        view! { <p class="muted">{t.no_attachments}</p> }.into_any()
    } else {
        view! {
            <ul class="attachments" data-testid="attachments">
                {attachments.into_iter().map(|a| {
                    let href = a.href(incident);
                    let preview = (a.kind == AttachmentKind::Photo).then(|| view! {
                        <img class="attachments__thumb" src=href.clone() alt=a.file_name.clone() loading="lazy" />
                    });
                    view! {
                        <li class="attachments__item">
                            {preview}
                            <div>
                                <a href=href target="_blank" rel="noopener">{a.file_name.clone()}</a>
                                <div class="muted attachments__meta">
                                    {t.kind(a.kind)} " · " {size_text(a.size)} " · " {format_minutes(a.at)} " · " {a.uploaded_by.clone()}
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2>{t.attachments_title}</h2>
        {refusal}
        {list}
        <form
            class="form form--inline no-print"
            method="post"
            enctype="multipart/form-data"
            action=format!("/incidents/{incident}/attachments")
            aria-label=t.attachments_title
        >
            <Field label=t.attachment_file hint=t.attachment_hint>
                <input type="file" name="file" required accept="image/jpeg,image/png,image/webp,video/mp4,video/webm,application/pdf,.doc,.docx,.xls,.xlsx,.pptx,.txt" />
            </Field>
            <button class="button" type="submit">{t.upload}</button>
        </form>
    }
    .into_any()
}
