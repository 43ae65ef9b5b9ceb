#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::i18n {

// The best of `available` (BCP 47 tags) for an Accept-Language value (RFC 9110 q-values, ICU LocaleMatcher);
// nullopt when nothing matches. Looks at the first 32 entries only; never throws.
std::optional<std::string> negotiate(std::string_view accept_language, std::vector<std::string> const& available);

} // namespace farol::i18n
