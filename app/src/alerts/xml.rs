//! ssr: what the CAP and Atom writers share: an indented UTF-8 document and text elements
//! (quick-xml escapes the text).

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

pub type W = Writer<Vec<u8>>;

/// The document `body` writes, after the XML declaration.
pub fn document(body: impl FnOnce(&mut W) -> io::Result<()>) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written = writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| body(&mut writer));
    // Writing into a Vec cannot fail; a failure would be a bug in the writer.
    debug_assert!(written.is_ok(), "{written:?}");
    String::from_utf8(writer.into_inner()).unwrap_or_default()
}

/// `<name>value</name>`.
pub fn text(w: &mut W, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}
