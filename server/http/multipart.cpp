#include "http/multipart.hpp"

#include "util/strings.hpp"

#include <utility>
#include <vector>

namespace farol::http {

namespace {
using param_list = std::vector<std::pair<std::string, std::string>>;

// The parameters after a field's first ';' (RFC 9110 §5.6.6): names lower-cased, quoted strings
// unquoted, with their backslash escapes when `escapes` (browsers send form-data names with '\'
// literal and '"' as %22, WHATWG HTML 4.10.21.8); nullopt when a quoted string does not end.
std::optional<param_list> parse_params(std::string_view s, bool escapes = true) {
    param_list out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ';' || s[i] == ' ' || s[i] == '\t')) ++i;
        auto const eq = s.find_first_of("=;", i);
        if (i >= s.size()) break;
        if (eq == std::string_view::npos || s[eq] == ';') { // a parameter without a value: skipped
            i = eq == std::string_view::npos ? s.size() : eq;
            continue;
        }
        std::string name = util::to_lower(util::trim(s.substr(i, eq - i)));
        std::string value;
        i = eq + 1;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        if (i < s.size() && s[i] == '"') {
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (escapes && s[i] == '\\' && i + 1 < s.size()) ++i;
                value += s[i];
            }
            if (i >= s.size()) return std::nullopt;
            ++i;
        } else {
            auto const end = std::min(s.find(';', i), s.size());
            value = std::string(util::trim(s.substr(i, end - i)));
            i = end;
        }
        out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

std::optional<std::string_view> param(param_list const& list, std::string_view name) {
    for (auto const& [k, v] : list)
        if (k == name) return std::string_view(v);
    return std::nullopt;
}

bool is_bchar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// The last path segment: browsers send a bare name, but old ones sent C:\Users\...\file.pdf.
std::string base_name(std::string_view name) {
    auto const slash = name.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}
} // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    auto const semi = content_type.find(';');
    if (!util::iequals(util::trim(content_type.substr(0, semi)), "multipart/form-data")) return std::nullopt;
    if (semi == std::string_view::npos) return std::nullopt;
    auto const params = parse_params(content_type.substr(semi + 1));
    if (!params) return std::nullopt;
    auto const b = param(*params, "boundary");
    if (!b || b->empty() || b->size() > 70 || b->back() == ' ') return std::nullopt;
    for (char c : *b)
        if (!is_bchar(c)) return std::nullopt;
    return std::string(*b);
}

multipart_parser::multipart_parser(std::string boundary)
    : delimiter_("\r\n--" + boundary), pending_("\r\n") {} // so a body may open with the delimiter itself

bool multipart_parser::feed(std::string_view bytes, part_sink& sink) {
    if (state_ == state::failed) return false;
    if (state_ == state::epilogue) return true; // after the close delimiter, bytes are ignored
    pending_.append(bytes);
    while (step(sink)) {
    }
    return state_ != state::failed;
}

bool multipart_parser::finish() {
    if (state_ == state::epilogue) return true;
    if (state_ != state::failed) fail("the form data ends before its closing boundary");
    return false;
}

bool multipart_parser::fail(std::string reason) {
    state_ = state::failed;
    error_ = std::move(reason);
    pending_.clear();
    return false;
}

bool multipart_parser::step(part_sink& sink) {
    switch (state_) {
    case state::preamble: {
        auto const at = pending_.find(delimiter_);
        if (at == std::string::npos) { // the preamble is discarded; keep what may start a delimiter
            if (pending_.size() >= delimiter_.size()) pending_.erase(0, pending_.size() - delimiter_.size() + 1);
            return false;
        }
        pending_.erase(0, at + delimiter_.size());
        state_ = state::after_delimiter;
        return true;
    }
    case state::after_delimiter: return after_delimiter();
    case state::head: return head(sink);
    case state::content: return content(sink);
    case state::epilogue: pending_.clear(); return false;
    case state::failed: return false;
    }
    return false;
}

// After "--boundary": "--" closes the body; else optional padding, then CRLF starts a part.
bool multipart_parser::after_delimiter() {
    if (pending_.size() < 2) return false;
    if (pending_.compare(0, 2, "--") == 0) {
        state_ = state::epilogue;
        pending_.clear();
        return false;
    }
    auto const eol = pending_.find("\r\n");
    if (eol == std::string::npos) return pending_.size() > 256 ? fail("a boundary line is malformed") : false;
    for (std::size_t i = 0; i < eol; ++i)
        if (pending_[i] != ' ' && pending_[i] != '\t') return fail("a boundary line is malformed");
    pending_.erase(0, eol + 2);
    state_ = state::head;
    return true;
}

bool multipart_parser::head(part_sink& sink) {
    std::size_t end = 0; // where the blank line that ends the headers starts
    if (pending_.compare(0, 2, "\r\n") == 0) {
        end = 0;
    } else if (auto const at = pending_.find("\r\n\r\n"); at != std::string::npos) {
        end = at + 2;
    } else {
        if (pending_.size() > max_head_bytes) return fail("a part's headers are too long");
        return false;
    }
    if (end > max_head_bytes) return fail("a part's headers are too long");
    part_head h;
    bool form_data = false;
    for (auto line : util::split(std::string_view(pending_).substr(0, end), '\n')) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        auto const colon = line.find(':');
        if (line.empty() || colon == std::string_view::npos) continue;
        auto const name = util::trim(line.substr(0, colon));
        auto const value = util::trim(line.substr(colon + 1));
        if (util::iequals(name, "Content-Type")) h.content_type = std::string(value);
        if (!util::iequals(name, "Content-Disposition")) continue;
        auto const semi = value.find(';');
        if (!util::iequals(util::trim(value.substr(0, semi)), "form-data") || semi == std::string_view::npos)
            return fail("a part is not form-data");
        auto const params = parse_params(value.substr(semi + 1), false);
        if (!params) return fail("a part's Content-Disposition is malformed");
        auto const field = param(*params, "name");
        if (!field) return fail("a part has no field name");
        h.name = std::string(*field);
        if (auto const f = param(*params, "filename")) h.filename = base_name(*f);
        form_data = true;
    }
    if (!form_data) return fail("a part has no Content-Disposition: form-data");
    pending_.erase(0, end + 2);
    state_ = state::content;
    if (auto why = sink.on_part(h); !why.empty()) return fail(std::move(why));
    return true;
}

bool multipart_parser::content(part_sink& sink) {
    auto const at = pending_.find(delimiter_);
    if (at == std::string::npos) {
        // Everything but what may be the start of a delimiter is content.
        if (pending_.size() < delimiter_.size()) return false;
        auto const n = pending_.size() - delimiter_.size() + 1;
        if (auto why = sink.on_data(std::string_view(pending_).substr(0, n)); !why.empty()) return fail(std::move(why));
        pending_.erase(0, n);
        return false;
    }
    if (at > 0)
        if (auto why = sink.on_data(std::string_view(pending_).substr(0, at)); !why.empty()) return fail(std::move(why));
    if (auto why = sink.on_part_end(); !why.empty()) return fail(std::move(why));
    pending_.erase(0, at + delimiter_.size());
    state_ = state::after_delimiter;
    return true;
}

} // namespace farol::http
