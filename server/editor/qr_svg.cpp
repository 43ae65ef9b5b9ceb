#include "editor/qr_svg.hpp"

#include "http/response.hpp"

#include <qrencode.h>

#include <cerrno>
#include <climits>
#include <memory>
#include <new>
#include <stdexcept>

namespace farol::editor {

namespace {

constexpr int quiet_zone = 4; // modules of light margin every side, as ISO/IEC 18004 requires

using qr_ptr = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

qr_ptr encode(std::string_view text) {
    if (text.empty()) throw std::invalid_argument("a QR code needs some text to encode");
    if (text.size() > INT_MAX) throw std::invalid_argument("the text is too long for a QR code");
    errno = 0;
    qr_ptr code(QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<unsigned char const*>(text.data()),
                                  0, QR_ECLEVEL_M),
                 &QRcode_free);
    if (code) return code;
    if (errno == ENOMEM) throw std::bad_alloc();
    if (errno == ERANGE) throw std::invalid_argument("the text is too long for a QR code");
    throw std::invalid_argument("the text cannot be encoded as a QR code");
}

// Each horizontal run of dark modules as one closed rectangle, so a row of n dark modules in a row
// costs one subpath rather than n.
std::string dark_modules_path(QRcode const& code) {
    std::string d;
    auto const dark = [&](int x, int y) { return (code.data[y * code.width + x] & 1) != 0; };
    for (int y = 0; y < code.width; ++y) {
        for (int x = 0; x < code.width;) {
            if (!dark(x, y)) { ++x; continue; }
            int const start = x;
            while (x < code.width && dark(x, y)) ++x;
            auto const run = std::to_string(x - start);
            d += "M" + std::to_string(start + quiet_zone) + " " + std::to_string(y + quiet_zone) + "h" + run +
                 "v1h-" + run + "z";
        }
    }
    return d;
}

} // namespace

std::string qr_svg(std::string_view text, std::string_view label) {
    auto const code = encode(text);
    auto const size = std::to_string(code->width + 2 * quiet_zone);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
           "\" role=\"img\" aria-label=\"" + http::html_escape(label) +
           "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size +
           "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + dark_modules_path(*code) + "\"/></svg>";
}

} // namespace farol::editor
