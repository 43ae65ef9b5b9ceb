#include "editor/password_policy.hpp"

#include "util/strings.hpp"
#include "util/utf8.hpp"

#include <zxcvbn.h>

#include <cctype>
#include <cmath>

namespace farol::editor {

namespace {

// Pieces shorter than this match too much of any password to be worth a dictionary entry.
constexpr std::size_t min_word_bytes = 3;

void add_word(std::vector<std::string>& words, std::string_view word) {
    if (word.size() >= min_word_bytes) words.push_back(util::to_lower(word));
}

// Each input whole and its ASCII-alphanumeric runs, so "maria.silva@example.org" also yields "maria".
std::vector<std::string> user_dictionary(std::vector<std::string> const& user_inputs) {
    std::vector<std::string> words;
    for (std::string_view input : user_inputs) {
        input = input.substr(0, input.find('\0'));
        add_word(words, input);
        std::size_t start = 0;
        for (std::size_t i = 0; i <= input.size(); ++i) {
            bool const alnum = i < input.size() && std::isalnum(static_cast<unsigned char>(input[i]));
            if (alnum) continue;
            if (i - start < input.size()) add_word(words, input.substr(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

double entropy_bits(std::string const& password, std::vector<std::string> const& words) {
    std::vector<char const*> dictionary;
    dictionary.reserve(words.size() + 1);
    for (auto const& w : words) dictionary.push_back(w.c_str());
    dictionary.push_back(nullptr);
    return ZxcvbnMatch(password.c_str(), dictionary.data(), nullptr);
}

} // namespace

password_verdict check_password(std::string_view password, std::vector<std::string> const& user_inputs) {
    if (util::find_invalid_utf8(password) != std::string_view::npos ||
        password.find('\0') != std::string_view::npos)
        return {false, 0, password_reason::invalid_text};
    auto const length = util::code_points(password);
    if (length < min_password_code_points) return {false, 0, password_reason::too_short};
    if (length > max_password_code_points) return {false, 0, password_reason::too_long};
    int const score = zxcvbn_score(entropy_bits(std::string(password), user_dictionary(user_inputs)));
    if (score < min_password_score) return {false, score, password_reason::too_weak};
    return {true, score, password_reason::none};
}

int zxcvbn_score(double entropy_bits) {
    double const guesses = std::exp2(entropy_bits);
    if (guesses < 1e3) return 0;
    if (guesses < 1e6) return 1;
    if (guesses < 1e8) return 2;
    if (guesses < 1e10) return 3;
    return 4;
}

std::string_view reason_key(password_reason reason) {
    switch (reason) {
    case password_reason::none: return "";
    case password_reason::too_short: return "password.too_short";
    case password_reason::too_long: return "password.too_long";
    case password_reason::invalid_text: return "password.invalid";
    case password_reason::too_weak: return "password.too_weak";
    }
    return "";
}

} // namespace farol::editor
