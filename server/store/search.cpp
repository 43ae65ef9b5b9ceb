#include "store/search.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"
#include "util/log.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace farol::store {

namespace {

constexpr std::size_t max_term_bytes = 64;

bool word_byte(char c) {
    auto const u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Cuts to at most n bytes without splitting a character.
std::string_view clip(std::string_view s, std::size_t n) {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes the entity at html[i] ('&') into out; returns its length, or 0 if it is not one.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
    auto const semi = html.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return 0;
    std::string_view const name = html.substr(i + 1, semi - i - 1);
    std::size_t const length = semi - i + 1;
    static constexpr std::pair<std::string_view, char> named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (auto const& [n, c] : named) {
        if (name == n) {
            out += c;
            return length;
        }
    }
    if (name.size() < 2 || name[0] != '#') return 0;
    bool const hex = name[1] == 'x' || name[1] == 'X';
    std::string_view const digits = name.substr(hex ? 2 : 1);
    int const base = hex ? 16 : 10;
    if (digits.empty()) return 0;
    std::uint32_t cp = 0;
    for (char c : digits) {
        int const d = digit_value(c);
        if (d < 0 || d >= base) return 0;
        cp = cp * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(d);
    }
    append_utf8(out, cp);
    return length;
}

// Tags that end a block of text: dropping them must still separate the words around them.
bool breaks_words(std::string_view tag) {
    if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
    auto const end = tag.find_first_of(" \t\n/>");
    std::string_view const name = tag.substr(0, end);
    static constexpr std::string_view inline_tags[] = {"a", "strong", "em", "code", "del", "span", "b", "i", "s"};
    return std::find(std::begin(inline_tags), std::end(inline_tags), name) == std::end(inline_tags);
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::vector<search_hit> run_search(connection& c, std::string const& expr, std::string_view language, std::size_t limit) {
    SQLite::Statement q(c.db(), "SELECT cp.slug, t.language, t.title, t.summary,"
                                " snippet(translations_fts, -1, '', '', '…', 16)"
                                " FROM translations_fts"
                                " JOIN translations t ON t.id = translations_fts.rowid"
                                " JOIN campaigns cp ON cp.id = t.campaign_id"
                                " WHERE translations_fts MATCH ?1 AND t.language = ?2"
                                " ORDER BY bm25(translations_fts, 10.0, 5.0, 1.0), cp.slug LIMIT ?3");
    q.bind(1, expr);
    q.bind(2, std::string(language));
    q.bind(3, static_cast<std::int64_t>(limit));
    std::vector<search_hit> hits;
    while (q.executeStep())
        hits.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                        q.getColumn(3).getString(), q.getColumn(4).getString()});
    return hits;
}

} // namespace

std::string match_expression(std::string_view query) {
    // Invalid bytes become spaces, so every term is valid text for the tokenizer.
    std::string const text = util::to_valid_utf8(query, " ");
    std::vector<std::string_view> terms;
    std::string_view rest = text;
    while (terms.size() < max_search_terms) {
        auto const begin = std::find_if(rest.begin(), rest.end(), word_byte);
        if (begin == rest.end()) break;
        auto const end = std::find_if_not(begin, rest.end(), word_byte);
        terms.push_back(clip(std::string_view(&*begin, static_cast<std::size_t>(end - begin)), max_term_bytes));
        rest = rest.substr(static_cast<std::size_t>(end - rest.begin()));
    }
    std::string expr;
    for (auto const& t : terms) {
        if (!expr.empty()) expr += ' ';
        expr += '"';
        expr += t; // no '"' can be inside: it is not a word byte
        expr += '"';
    }
    if (!expr.empty()) expr += '*';
    return expr;
}

std::string plain_text_of_html(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            auto const close = html.find('>', i);
            if (close == std::string_view::npos) break;
            if (breaks_words(html.substr(i + 1, close - i - 1))) out += ' ';
            i = close + 1;
        } else if (std::size_t const n = html[i] == '&' ? decode_entity(html, i, out) : 0; n > 0) {
            i += n;
        } else {
            out += html[i++];
        }
    }
    return collapse_spaces(out);
}

std::vector<search_hit> search(database& db, std::string_view language, std::string_view query, std::size_t limit) {
    std::string const expr = match_expression(query);
    if (expr.empty() || limit == 0) return {};
    try {
        std::size_t const n = std::min(limit, max_search_hits);
        return db.read([&](connection& c) { return run_search(c, expr, language, n); });
    } catch (std::exception const& e) {
        // The expression is built to be valid; a reader must still get a page, not a 500.
        util::log_error(std::string("search failed: ") + e.what());
        return {};
    }
}

} // namespace farol::store
