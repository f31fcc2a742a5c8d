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
}
