#include "content/front_matter.hpp"

#include "content/text_rules.hpp"

namespace farol::content {

namespace {

constexpr std::string_view fence = "---";

struct line_cursor {
    std::string_view text;
    std::size_t pos = 0;
    int number = 0;

    // The next line without its '\n'; false at the end.
    bool next(std::string_view& line) {
        if (pos >= text.size()) return false;
        auto const nl = text.find('\n', pos);
        auto const end = nl == std::string_view::npos ? text.size() : nl;
        line = text.substr(pos, end - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        ++number;
        return true;
    }
};

struct front_fields {
    std::optional<std::string> title, summary;
};

void read_field(std::string_view line, int number, front_fields& f, std::vector<page_problem>& problems) {
    auto const colon = line.find(": ");
    if (colon == std::string_view::npos || colon == 0) {
        problems.push_back({number, reason("front_matter_line")});
        return;
    }
    std::string_view const key = line.substr(0, colon), value = line.substr(colon + 2);
    bool const is_title = key == "title";
    if (!is_title && key != "summary") {
        problems.push_back({number, reason("front_matter_unknown_key", {{"key", std::string(key)}})});
        return;
    }
    auto& slot = is_title ? f.title : f.summary;
    if (slot) {
        problems.push_back({number, reason("front_matter_duplicate_key", {{"key", std::string(key)}})});
        return;
    }
    slot.emplace(value);
    if (auto why = plain_text_reason(key, value, is_title ? max_title_chars : max_summary_chars))
        problems.push_back({number, std::move(*why)});
    else if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        problems.push_back({number, reason("front_matter_quoted", {{"key", std::string(key)}})});
}

} // namespace

std::optional<page_source> parse_page(std::string_view text, std::vector<page_problem>& problems) {
    std::size_t const before = problems.size();
    line_cursor lines{text};
    std::string_view line;
    if (!lines.next(line) || line != fence) {
        problems.push_back({1, reason("front_matter_start")});
        return std::nullopt;
    }
    front_fields f;
    bool closed = false;
    while (!closed && lines.next(line)) {
        if (line == fence)
            closed = true;
        else
            read_field(line, lines.number, f, problems);
    }
    if (!closed) {
        problems.push_back({1, reason("front_matter_unclosed")});
        return std::nullopt;
    }
    if (!f.title) problems.push_back({lines.number, reason("front_matter_no_title")});
    if (!f.summary) problems.push_back({lines.number, reason("front_matter_no_summary")});

    page_source page;
    int const fence_line = lines.number;
    std::size_t body_start = lines.pos;
    while (body_start < text.size() && text[body_start] == '\n') ++body_start;
    page.body = std::string(text.substr(body_start));
    page.body_line = fence_line + 1 + static_cast<int>(body_start - lines.pos);
    if (page.body.find_first_not_of(" \t\n") == std::string::npos)
        problems.push_back({fence_line, reason("no_body")});
    if (problems.size() != before) return std::nullopt;
    page.title = std::move(*f.title);
    page.summary = std::move(*f.summary);
    return page;
}

std::string format_page(std::string_view title, std::string_view summary, std::string_view body) {
    std::string out;
    out.reserve(title.size() + summary.size() + body.size() + 40);
    out.append("---\ntitle: ").append(title);
    out.append("\nsummary: ").append(summary);
    out.append("\n---\n\n").append(body);
    return out;
}

} // namespace farol::content
