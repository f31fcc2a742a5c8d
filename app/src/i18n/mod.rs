//! One i18n mechanism for every UI string: a typed catalogue per locale.
//!
//! A missing translation is a compile error (both catalogues fill the same struct), which a
//! key-lookup library would only report at run time. The locale travels in a cookie so the
//! server renders the page in the reader's language and hydration sees the same text.

mod alerts;
mod cameras;
mod catalog;
mod dispatch;
mod en;
mod exchange;
mod form;
mod hall;
mod incidents;
mod models;
mod resources;
mod video;
mod zh;

pub use alerts::AlertTexts;
pub use cameras::CameraTexts;
pub use catalog::*;
pub use dispatch::DispatchTexts;
pub use exchange::ExchangeTexts;
pub use form::FormTexts;
pub use hall::HallTexts;
pub use incidents::IncidentTexts;
pub use models::ModelTexts;
pub use resources::ResourceTexts;
pub use video::VideoTexts;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Name of the cookie that carries the reader's chosen locale.
pub const LOCALE_COOKIE: &str = "yingji_lang";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    /// 简体中文, the default everywhere.
    #[default]
    ZhCn,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// BCP 47 tag, as written in `<html lang>` and in the cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Reads a tag leniently (`zh`, `zh-cn`, `en-GB` ...); unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::ZhCn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The first language of an `Accept-Language` header we speak (machine clients send it;
    /// browsers use the cookie). Listed order is taken as preference.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        header
            .split(',')
            .filter_map(|item| item.split(';').next())
            .find_map(Self::from_tag)
    }

    /// The locale named in a `Cookie` header, if any.
    pub fn from_cookie_header(header: &str) -> Option<Self> {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LOCALE_COOKIE)
            .and_then(|(_, value)| Self::from_tag(value))
    }

    /// The `Set-Cookie` value that remembers this locale for a year.
    pub fn cookie(self) -> String {
        format!(
            "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            self.tag()
        )
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::ZhCn => &zh::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }

    /// Name of the locale in its own language, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::ZhCn => "中文",
            Locale::En => "English",
        }
    }
}

/// The reader's locale, provided once by the app shell.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The locale now, without subscribing (for code that builds once, like a map).
    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// The catalogue of the current locale; reading it subscribes the caller to changes.
    pub fn t(&self) -> &'static Texts {
        self.locale.get().texts()
    }

    /// Switches the UI language in place and remembers it for the next request.
    pub fn set(&self, locale: Locale) {
        #[cfg(feature = "hydrate")]
        remember_in_browser(locale);
        self.locale.set(locale);
    }
}

pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(detect_locale()),
    };
    provide_context(i18n);
    i18n
}

/// The i18n context; falls back to the default locale outside the app shell.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        locale: RwSignal::new(Locale::default()),
    })
}

/// On the server: the locale of the request being rendered.
#[cfg(feature = "ssr")]
fn request_locale() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(Locale::from_cookie_header)
        })
        .unwrap_or_default()
}

/// The locale to render in: the request's on the server, and in the browser the one the server
/// rendered (`<html lang>`), so hydration matches it.
#[cfg(feature = "ssr")]
pub fn detect_locale() -> Locale {
    request_locale()
}

/// The locale to render in: the request's on the server, and in the browser the one the server
/// rendered (`<html lang>`), so hydration matches it.
#[cfg(not(feature = "ssr"))]
pub fn detect_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Locale::default()
    }
}

#[cfg(feature = "hydrate")]
fn remember_in_browser(locale: Locale) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", locale.tag());
    }
    if let Ok(doc) = document.dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&locale.cookie());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_are_read_leniently() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::from_tag("zh"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn cookie_header_is_parsed_among_other_cookies() {
        assert_eq!(
            Locale::from_cookie_header("a=1; yingji_lang=en; b=2"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_cookie_header("a=1"), None);
        assert_eq!(Locale::from_cookie_header("yingji_lang=xx"), None);
    }

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(Locale::default(), Locale::ZhCn);
        assert_eq!(Locale::default().texts().nav_label, "主导航");
    }
}
