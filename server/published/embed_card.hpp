#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace farol::published {

// The per-request parts of a widget card, already validated by the embed handler (they are pasted
// into the HTML as they are): a theme class, an accent <style> block, the campaign link's query,
// and the impression beacon of beacon mode.
struct embed_fill {
    std::string_view theme;        // "auto", "light" or "dark"
    std::string_view accent_style; // "" or "<style>:root{--accent:#1a73e8}</style>"
    std::string_view source_query; // "" or "?src=partner:<id>"
    std::string_view beacon;       // "" or an <img> pointing at /b
};

// Markers the card template leaves where embed_fill's parts go (no text a campaign holds can contain
// them: the renderer drops control characters from what it pastes).
inline constexpr std::string_view hole_theme = "\x01t\x01";
inline constexpr std::string_view hole_accent = "\x01" "a\x01";
inline constexpr std::string_view hole_source = "\x01s\x01";
inline constexpr std::string_view hole_beacon = "\x01" "b\x01";

// "'sha256-<base64>'": the CSP Level 3 hash source matching an inline <script> or <style> whose
// content is exactly `text` (libsodium's SHA-256, standard base64 with padding).
std::string csp_hash_source(std::string_view text);

// One campaign's widget card in one language, rendered at the site build and cut at its holes, so
// a request only joins pieces (no template rendering on the read path).
class embed_card {
public:
    embed_card() = default;
    // `html`: the rendered card with its holes. Throws std::invalid_argument on a stray '\x01'.
    embed_card(std::string const& html, std::string campaign, std::string language);

    std::string fill(embed_fill const& f) const;
    std::string const& campaign() const { return campaign_; }
    std::string const& language() const { return language_; } // of the text shown (a fallback's own)
    std::size_t size() const { return size_; }                  // bytes without the fills

private:
    std::vector<std::string> text_; // holes_.size() + 1 pieces
    std::vector<char> holes_;       // 't', 'a', 's', 'b'
    std::string campaign_, language_;
    std::size_t size_ = 0;
};

} // namespace farol::published
