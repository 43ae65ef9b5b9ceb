#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

enum class change { same, added, removed };

struct diff_piece {
    change kind = change::same;
    std::string text;

    bool operator==(diff_piece const&) const = default;
};

// Above this many tokens in the part of both texts that differs (after their common start and end
// are set aside), word_diff stops looking for common words and replaces that part whole. At the
// cap, two unrelated texts cost about a second of CPU and 80 MB (dtl's path buffer is bounded);
// two full, unrelated 64 KiB Markdown bodies (~55,000 tokens) about 0.4 s.
constexpr std::size_t max_diff_tokens = 200'000;

// A word-level diff from old_text to new_text (bytes, any encoding that keeps ASCII as is, in
// practice UTF-8) for comparing two revisions of a translation. Tokens are words (runs of ASCII
// letters and digits and of bytes >= 0x80, so a UTF-8 sequence is never split), runs of ASCII
// whitespace, and single other characters (ASCII punctuation). The shortest edit script over the
// tokens comes from dtl (Wu, Manber and Myers' O(NP) algorithm). Returns pieces whose `same` and
// `removed` texts concatenate to old_text and whose `same` and `added` texts concatenate to
// new_text; no piece is empty, no two neighbours have the same kind, and a changed stretch is
// its removed piece before its added piece. A lone whitespace run between two changes is made
// part of them, so "a b" -> "x y" reads as one replacement. Empty when both texts are empty.
// Never throws for size: over max_tokens (see max_diff_tokens) the differing middle becomes
// one removed and one added piece.
std::vector<diff_piece> word_diff(std::string_view old_text, std::string_view new_text,
                                  std::size_t max_tokens = max_diff_tokens);

// The pieces as HTML: text escaped (& < > " ' become entities) so it is safe to insert as raw
// HTML, added text in <ins>, removed text in <del>, neighbouring pieces of the same kind merged
// into one element. Newlines are kept as '\n'; the page shows the result in <pre> or with
// white-space: pre-wrap.
std::string diff_html(std::vector<diff_piece> const& pieces);

} // namespace farol::editor
