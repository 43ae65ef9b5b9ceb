#pragma once
#include "i18n/catalogs.hpp"

#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace farol::i18n::detail {

// Names of the {name} placeholders in text (name: a letter or '_', then letters, digits or '_').
std::set<std::string, std::less<>> placeholder_names(std::string_view text);

// text with each {name} replaced by the first arg of that name, in one pass (values are not scanned again);
// braces that name no arg are kept as written.
std::string fill(std::string_view text, std::span<arg const> args);

} // namespace farol::i18n::detail
