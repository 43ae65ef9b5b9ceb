#include "content/problem_reason.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::content {

namespace {

using entry = std::pair<std::string_view, std::string_view>;

// Sorted by key. The texts are what `farol import` has always printed: scripts may match them.
std::vector<entry> const table = [] {
    std::vector<entry> t{
        {"body_too_large", "the body is {bytes} bytes; at most {max}"},
        {"byte_order_mark", "starts with a byte order mark; save as UTF-8 without BOM"},
        {"carriage_return", "has a carriage return (CR LF line ends?); use \\n only"},
        {"default_page_missing", "{file}, the default language's page, is missing"},
        {"external_link", "links that leave the site are not allowed: {url}"},
        {"folder_not_slug", "the folder name is not a valid slug (^[a-z0-9]+(-[a-z0-9]+)*$)"},
        {"front_matter_duplicate_key", "duplicate front matter key '{key}'"},
        {"front_matter_line", "expected 'key: value' (a colon and one space) or the closing ---"},
        {"front_matter_no_summary", "front matter lacks summary"},
        {"front_matter_no_title", "front matter lacks title"},
        {"front_matter_quoted", "{key} is quoted; write plain text without quotes"},
        {"front_matter_start", "the first line must be exactly --- (front matter with title and summary)"},
        {"front_matter_unclosed", "the front matter has no closing --- line"},
        {"front_matter_unknown_key", "unknown front matter key '{key}' (only title and summary)"},
        {"image", "images are not allowed; offer the file as a material"},
        {"invalid_json", "invalid JSON: {detail}"},
        {"invalid_utf8", "is not valid UTF-8"},
        {"material_empty", "material file '{path}' is empty"},
        {"material_missing", "material file '{path}' does not exist"},
        {"material_name", "material file '{path}' needs a file name of letters, digits, '.', '_' and '-' only"},
        {"material_name_taken", "material file '{path}' has the same file name as a different file of this campaign"},
        {"material_not_regular", "material file '{path}' is not a regular file"},
        {"material_outside", "material file '{path}' leaves the campaign folder (through a symbolic link)"},
        {"material_type", "material file '{path}' has an unsupported type ({extensions})"},
        {"material_unreadable", "material file '{path}' cannot be read: {detail}"},
        {"missing", "is missing"},
        {"no_body", "the page has no body after the front matter"},
        {"not_a_directory", "is not a directory"},
        {"not_regular_file", "is not a regular file"},
        {"raw_html", "raw HTML is not allowed (it would be dropped)"},
        {"slug_not_folder", "slug '{slug}' differs from its folder name '{folder}'"},
        {"text_control", "{field} contains a control character (tab, line break, ...)"},
        {"text_empty", "{field} is empty"},
        {"text_invalid_utf8", "{field} is not valid UTF-8"},
        {"text_spaces", "{field} starts or ends with a space"},
        {"text_too_long", "{field} is {length} characters long; at most {max}"},
        {"too_large", "is {bytes} bytes; at most 1 MiB"},
        {"unexpected_file", "unexpected file: the import folder holds README.md, hotlines.json and campaign folders"},
        {"unknown_default_language", "unknown default_language '{language}' (known: {known})"},
        {"unknown_hotline", "unknown hotline '{hotline}' (not in hotlines.json)"},
        {"unknown_page_language", "unknown language '{language}' (a page is <language tag>.md)"},
        {"unreadable", "cannot be read"},
    };
    std::sort(t.begin(), t.end());
    return t;
}();

// text with each {name} replaced by its argument; every argument must be used.
std::string fill(std::string_view text, reason_args const& args) {
    std::string out;
    std::vector<bool> used(args.size());
    for (std::size_t pos = 0; pos < text.size();) {
        auto const open = text.find('{', pos);
        auto const close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        auto const name = text.substr(open + 1, close - open - 1);
        auto const it = std::find_if(args.begin(), args.end(), [&](auto const& a) { return a.first == name; });
        out.append(text.substr(pos, open - pos));
        if (it == args.end()) throw std::invalid_argument("reason: no value for {" + std::string(name) + "}");
        out.append(it->second);
        used[static_cast<std::size_t>(it - args.begin())] = true;
        pos = close + 1;
    }
    for (std::size_t i = 0; i < args.size(); ++i)
        if (!used[i]) throw std::invalid_argument("reason: unused argument " + args[i].first);
    return out;
}

} // namespace

problem_reason reason(std::string_view key, reason_args args) {
    auto const before = [](entry const& e, std::string_view k) { return e.first < k; };
    auto const it = std::lower_bound(table.begin(), table.end(), key, before);
    if (it == table.end() || it->first != key) throw std::out_of_range("no bundle reason " + std::string(key));
    problem_reason r(fill(it->second, args));
    r.key = std::string(key);
    r.args = std::move(args);
    return r;
}

std::vector<std::pair<std::string_view, std::string_view>> const& english_reasons() { return table; }

} // namespace farol::content
