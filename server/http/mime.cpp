#include "http/mime.hpp"

#include "util/strings.hpp"


namespace farol::http {

bool compressible(std::string_view type) {
    return util::starts_with(type, "text/") || util::starts_with(type, "application/json") ||
           util::starts_with(type, "application/manifest+json") || util::starts_with(type, "application/xml") ||
           util::starts_with(type, "image/svg+xml") || util::starts_with(type, "application/problem+json");
}

} // namespace farol::http
