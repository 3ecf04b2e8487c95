//! QR codes as plain SVG: the modules of `qrcode` drawn as black `<rect>`s (one per run of dark
//! modules in a row) on white, with the quiet zone of four modules the standard asks for. No
//! text, no script: the picture says the link and nothing else.
use qrcode::{Color, QrCode};

/// Modules of white around the code.
pub const QUIET_ZONE: usize = 4;
/// Pixels per module when the file is opened on its own (a page sizes it with CSS).
pub const MODULE_PX: usize = 8;

/// The SVG of a QR code for `text`; None only when the text is too long for any QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let size = n + 2 * QUIET_ZONE;
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{px}" height="{px}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><g fill="#000">"##,
        px = size * MODULE_PX
    );
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if colors[y * n + x] == Color::Dark {
                let start = x;
                while x < n && colors[y * n + x] == Color::Dark {
                    x += 1;
                }
                out.push_str(&format!(
                    r#"<rect x="{}" y="{}" width="{}" height="1"/>"#,
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    out.push_str("</g></svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_black_rects_on_white_with_a_quiet_zone() {
        let svg = svg("https://doorstart.example/r/jonge-moederwerk").unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
        assert!(svg.ends_with("</g></svg>"));
        assert!(!svg.contains("doorstart.example"), "no text in the picture");
        // The first dark module is the finder pattern's corner, inside the quiet zone.
        assert!(svg.contains(&format!(
            r#"<rect x="{QUIET_ZONE}" y="{QUIET_ZONE}" width="7""#
        )));
        assert!(svg.matches("<rect").count() > 20);
    }
}
