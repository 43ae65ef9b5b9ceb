#pragma once
#include <string>
#include <string_view>

namespace farol::editor {

// A QR code (ISO/IEC 18004, via libqrencode, error correction level M: ~15% of the symbol may be
// damaged) as an inline SVG for the authenticator enrolment page. The dark modules are one <path>
// on a white <rect> that also covers the 4-module quiet zone, so the code scans on a dark page too.
// Colours are `fill` attributes, never style attributes or <style>: the site's CSP forbids inline
// styles. The viewBox is in modules (symbol width + 8) and the SVG has no width or height, so the
// page's stylesheet sizes it. `label` (HTML-escaped here) is the accessible name: role="img" with
// aria-label. `text` is encoded as 8-bit bytes, unchanged. Throws std::invalid_argument if it is
// empty or longer than a version 40 symbol holds at level M (2,331 bytes).
std::string qr_svg(std::string_view text, std::string_view label);

} // namespace farol::editor
