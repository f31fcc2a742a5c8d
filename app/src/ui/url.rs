//! Building addresses of our own pages.

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
