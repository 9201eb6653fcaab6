//! A strict little tag scanner for the HTML and SVG claimgraph writes, and
//! for the DOM Chromium dumps of it. claimgraph escapes every `<` of text,
//! so every `<` in its output must start a tag it wrote itself; the scanner
//! fails on anything else, lists every tag with its attributes, and checks
//! that elements nest.

#![allow(dead_code)]

/// One tag.
#[derive(Debug, Clone)]
pub struct Tag {
    /// Lowercased name.
    pub name: String,
    /// `</name>`.
    pub closing: bool,
    /// `<name/>`.
    pub self_closing: bool,
    /// Attributes, names lowercased, values as written (still escaped).
    pub attrs: Vec<(String, String)>,
    /// Byte offset of the `<`.
    pub at: usize,
}

impl Tag {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// HTML elements that have no end tag.
const VOID: &[&str] = &["meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"];

/// Every tag of `doc`, in order, or what is wrong with it.
pub fn tags(doc: &str) -> Result<Vec<Tag>, String> {
    let b = doc.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let at = i;
        let rest = &doc[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").ok_or("unclosed comment")? + 3;
            continue;
        }
        if rest.len() >= 9 && rest.as_bytes()[..9].eq_ignore_ascii_case(b"<!DOCTYPE") {
            i += rest.find('>').ok_or("unclosed doctype")? + 1;
            continue;
        }
        let closing = rest.starts_with("</");
        let mut j = i + if closing { 2 } else { 1 };
        let start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == start || !b[start].is_ascii_alphabetic() {
            return Err(format!("a stray `<` at byte {at}: {:?}", rest.chars().take(40).collect::<String>()));
        }
        let name = doc[start..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() {
                return Err(format!("unclosed tag <{name}> at byte {at}"));
            }
            if b[j] == b'>' {
                j += 1;
                break;
            }
            if b[j] == b'/' && b.get(j + 1) == Some(&b'>') {
                self_closing = true;
                j += 2;
                break;
            }
            let a = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
                if matches!(b[j], b'"' | b'\'' | b'<') {
                    return Err(format!("a bad attribute name in <{name}> at byte {at}"));
                }
                j += 1;
            }
            if a == j {
                return Err(format!("a bad attribute in <{name}> at byte {at}"));
            }
            let attr = doc[a..j].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(j) == Some(&b'=') {
                j += 1;
                match b.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let end = doc[j + 1..].find(q as char).ok_or("unclosed attribute value")? + j + 1;
                        value = doc[j + 1..end].to_string();
                        j = end + 1;
                    }
                    _ => {
                        let a = j;
                        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                            j += 1;
                        }
                        value = doc[a..j].to_string();
                    }
                }
            }
            attrs.push((attr, value));
        }
        let raw = !closing && (name == "script" || name == "style");
        out.push(Tag { name: name.clone(), closing, self_closing, attrs, at });
        i = j;
        if raw {
            let end = format!("</{name}");
            let lower = doc[i..].to_ascii_lowercase();
            i += lower.find(&end).ok_or_else(|| format!("unclosed <{name}>"))?;
        }
    }
    Ok(out)
}

/// Checks that elements nest: every start tag closed in order (HTML void
/// elements and self-closing tags excepted).
pub fn check_nesting(tags: &[Tag]) -> Result<(), String> {
    let mut stack: Vec<&Tag> = Vec::new();
    for t in tags {
        if t.closing {
            match stack.pop() {
                Some(open) if open.name == t.name => {}
                Some(open) => {
                    return Err(format!(
                        "</{}> at byte {} closes <{}> from byte {}",
                        t.name, t.at, open.name, open.at
                    ));
                }
                None => return Err(format!("</{}> at byte {} closes nothing", t.name, t.at)),
            }
        } else if !t.self_closing && !VOID.contains(&t.name.as_str()) {
            stack.push(t);
        }
    }
    match stack.pop() {
        Some(open) => Err(format!("<{}> from byte {} is never closed", open.name, open.at)),
        None => Ok(()),
    }
}

/// The elements claimgraph's HTML and SVG may contain.
pub const ALLOWED: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "script",
    "body",
    "header",
    "main",
    "footer",
    "nav",
    "section",
    "article",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "b",
    "i",
    "code",
    "span",
    "mark",
    "details",
    "summary",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "svg",
    "g",
    "path",
    "circle",
    "rect",
    "text",
    "textpath",
    "desc",
];

/// Checks what an input could try to smuggle in: only allowed elements, no
/// event handler or `src` attribute, no `style` attribute, no link or
/// `xmlns` pointing anywhere but inside the page (`#…`), except the SVG
/// namespace of a standalone picture.
pub fn check_safe(tags: &[Tag]) -> Result<(), String> {
    for t in tags {
        if !ALLOWED.contains(&t.name.as_str()) {
            return Err(format!("element <{}> at byte {}", t.name, t.at));
        }
        for (n, v) in &t.attrs {
            if n.starts_with("on") {
                return Err(format!("event handler {n} on <{}> at byte {}", t.name, t.at));
            }
            match n.as_str() {
                "src" | "style" | "srcdoc" | "action" | "formaction" | "xlink:href" | "background"
                | "poster" => {
                    return Err(format!("attribute {n} on <{}> at byte {}", t.name, t.at));
                }
                "href" if !v.starts_with('#') => {
                    return Err(format!("href {v:?} on <{}> at byte {}", t.name, t.at));
                }
                "xmlns" if v != "http://www.w3.org/2000/svg" => {
                    return Err(format!("xmlns {v:?} at byte {}", t.at));
                }
                _ => {}
            }
        }
    }
    Ok(())
}
