//! QR codes of share links, for a workshop projector.

use qrcode::{Color, EcLevel, QrCode};

/// The modules of a QR code for `text`: (width, dark flags row by row), or `None` when the
/// text is too long for any QR code (about 2,900 characters at the lowest correction).
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    // Medium correction when it fits (survives a smudged projector), low otherwise.
    let code = QrCode::with_error_correction_level(text, EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text, EcLevel::L))
        .ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((code.width(), dark))
}

/// The QR code for `text` as an SVG document (a 4-module quiet zone, dark on white,
/// scaled by the page), or `None` when the text does not fit in a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let (width, dark) = qr_modules(text)?;
    let size = width + 8;
    let mut path = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (i % width + 4, i / width + 4);
        path.push_str(&format!("M{x} {y}h1v1h-1z"));
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the share link\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_fit_get_a_code_and_long_ones_do_not() {
        let link = format!(
            "https://example.github.io/trailmap/#/s/{}",
            "A".repeat(1500)
        );
        let (w, dark) = qr_modules(&link).unwrap();
        assert_eq!(dark.len(), w * w);
        assert!(dark.iter().filter(|d| **d).count() > w);
        let svg = qr_svg(&link).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<path d=\"M"));
        assert_eq!(qr_svg(&"x".repeat(5000)), None);
    }
}
