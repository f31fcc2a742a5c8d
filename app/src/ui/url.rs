//! Building and reading addresses of our own pages.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

/// The record id of the route (`/alerts/:id`, `/incidents/:id` ...), `None` when it is not
/// a UUID.
pub fn use_route_id() -> Memo<Option<Uuid>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    })
}

/// Undoes [`encode`]: `%XX` escapes back to UTF-8; `None` for a broken escape or invalid UTF-8.
pub fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes `value` for a query string: everything but unreserved characters and those
/// in `keep` (e.g. `/` for a path) is escaped, UTF-8 byte by byte.
pub fn encode(value: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_byte_by_byte() {
        assert_eq!(
            encode("identity.user create&x", b""),
            "identity.user%20create%26x"
        );
        assert_eq!(encode("/地图?a=1", b"/"), "/%E5%9C%B0%E5%9B%BE%3Fa%3D1");
    }

    #[test]
    fn decoding_undoes_encoding_and_refuses_broken_escapes() {
        for text in ["专家会商-1", "a b&c", "plain"] {
            assert_eq!(decode(&encode(text, b"")).as_deref(), Some(text));
        }
        assert_eq!(decode("%E5%9C"), None);
        assert_eq!(decode("%G1"), None);
        assert_eq!(decode("50%"), None);
    }
}
