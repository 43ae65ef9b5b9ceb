#include "editor/word_diff.hpp"

#include "http/response.hpp"

#include <dtl/dtl.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace farol::editor {

namespace {

using token_list = std::vector<std::string_view>;
using id_list = std::vector<std::uint32_t>;

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Bytes >= 0x80 count as letters: every byte of a UTF-8 sequence is, so no sequence is cut.
bool is_word_byte(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool all_space(std::string_view s) {
    for (char c : s)
        if (!is_space(static_cast<unsigned char>(c))) return false;
    return true;
}

// Words, whitespace runs and single other bytes, as views into text; they concatenate to it.
token_list tokenize(std::string_view text) {
    token_list out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto const at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        std::size_t j = i + 1;
        if (is_word_byte(at(i)))
            while (j < text.size() && is_word_byte(at(j))) ++j;
        else if (is_space(at(i)))
            while (j < text.size() && is_space(at(j))) ++j;
        out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

// dtl compares numbers, not strings: equal tokens get equal ids.
class interner {
public:
    id_list ids(token_list const& tokens) {
        id_list out;
        out.reserve(tokens.size());
        for (auto t : tokens) out.push_back(ids_.try_emplace(t, static_cast<std::uint32_t>(ids_.size())).first->second);
        return out;
    }

private:
    std::unordered_map<std::string_view, std::uint32_t> ids_;
};

// Collects pieces in canonical form: merged neighbours, removed before added in each changed
// stretch, and a lone whitespace run between two changes folded into both sides of the change.
class piece_builder {
public:
    void add(change kind, std::string_view text) {
        if (text.empty()) return;
        if (kind != change::same) {
            removed_ += held_;
            added_ += held_;
            held_.clear();
            (kind == change::removed ? removed_ : added_) += text;
        } else if (held_.empty() && !(removed_.empty() && added_.empty()) && all_space(text)) {
            held_ = text;
        } else {
            flush_change();
            append(change::same, held_ + std::string(text));
            held_.clear();
        }
    }

    std::vector<diff_piece> finish() {
        flush_change();
        append(change::same, std::exchange(held_, {}));
        return std::move(out_);
    }

private:
    void flush_change() {
        append(change::removed, std::exchange(removed_, {}));
        append(change::added, std::exchange(added_, {}));
    }

    void append(change kind, std::string text) {
        if (text.empty()) return;
        if (!out_.empty() && out_.back().kind == kind)
            out_.back().text += text;
        else
            out_.push_back({kind, std::move(text)});
    }

    std::vector<diff_piece> out_;
    std::string removed_, added_; // the changed stretch being collected
    std::string held_;            // whitespace after a change, awaiting what follows it
};

// The bytes the tokens [from, to) cover.
std::string_view span(token_list const& tokens, std::size_t from, std::size_t to) {
    if (from >= to) return {};
    char const* const begin = tokens[from].data();
    return {begin, static_cast<std::size_t>(tokens[to - 1].data() + tokens[to - 1].size() - begin)};
}

struct tokenized {
    token_list tokens;
    id_list ids;
};

// Adds the shortest edit script from a's tokens [head, head + len_a) to b's [head, head + len_b).
void add_edit_script(piece_builder& out, tokenized const& a, tokenized const& b, std::size_t head, std::size_t len_a,
                     std::size_t len_b) {
    auto const middle = [head](id_list const& ids, std::size_t len) {
        return id_list(ids.begin() + static_cast<std::ptrdiff_t>(head),
                       ids.begin() + static_cast<std::ptrdiff_t>(head + len));
    };
    dtl::Diff<std::uint32_t> diff(middle(a.ids, len_a), middle(b.ids, len_b));
    diff.compose();
    std::size_t x = head, y = head;
    for (auto const& step : diff.getSes().getSequence()) {
        if (step.second.type == dtl::SES_COMMON) {
            out.add(change::same, a.tokens[x++]);
            ++y;
        } else if (step.second.type == dtl::SES_DELETE) {
            out.add(change::removed, a.tokens[x++]);
        } else {
            out.add(change::added, b.tokens[y++]);
        }
    }
    if (x != head + len_a || y != head + len_b) throw std::logic_error("word_diff: edit script out of step");
}

} // namespace

std::vector<diff_piece> word_diff(std::string_view old_text, std::string_view new_text, std::size_t max_tokens) {
    interner names;
    tokenized a{tokenize(old_text), {}};
    tokenized b{tokenize(new_text), {}};
    a.ids = names.ids(a.tokens);
    b.ids = names.ids(b.tokens);

    // The common start and end cost nothing to find and are most of a typical revision.
    std::size_t const n_a = a.ids.size(), n_b = b.ids.size();
    std::size_t head = 0;
    while (head < n_a && head < n_b && a.ids[head] == b.ids[head]) ++head;
    std::size_t tail = 0;
    while (tail < n_a - head && tail < n_b - head && a.ids[n_a - 1 - tail] == b.ids[n_b - 1 - tail]) ++tail;
    std::size_t const len_a = n_a - head - tail;
    std::size_t const len_b = n_b - head - tail;

    piece_builder out;
    out.add(change::same, span(a.tokens, 0, head));
    if (len_a == 0 || len_b == 0 || len_a + len_b > max_tokens) {
        out.add(change::removed, span(a.tokens, head, head + len_a));
        out.add(change::added, span(b.tokens, head, head + len_b));
    } else {
        add_edit_script(out, a, b, head, len_a, len_b);
    }
    out.add(change::same, span(a.tokens, n_a - tail, n_a));
    return out.finish();
}

std::string diff_html(std::vector<diff_piece> const& pieces) {
    std::string out;
    std::size_t i = 0;
    while (i < pieces.size()) {
        change const kind = pieces[i].kind;
        std::string text;
        for (; i < pieces.size() && (pieces[i].kind == kind || pieces[i].text.empty()); ++i) text += pieces[i].text;
        if (text.empty()) continue;
        std::string_view const tag = kind == change::added ? "ins" : kind == change::removed ? "del" : "";
        if (!tag.empty()) out.append("<").append(tag).append(">");
        out += http::html_escape(text);
        if (!tag.empty()) out.append("</").append(tag).append(">");
    }
    return out;
}

} // namespace farol::editor
