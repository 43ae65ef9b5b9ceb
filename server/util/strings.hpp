#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace farol::util {

bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);
// Splits on `sep`, trimming each piece; empty pieces are kept.
std::vector<std::string_view> split(std::string_view s, char sep);

// The same pieces as split(), walked in place without allocating (for per-request header parsing).
class pieces {
public:
    pieces(std::string_view s, char sep) : s_(s), sep_(sep) {}

    class iterator {
    public:
        iterator(std::string_view rest, char sep, bool done) : rest_(rest), sep_(sep), done_(done) { advance(); }
        std::string_view operator*() const { return piece_; }
        iterator& operator++() { advance(); return *this; }
        bool operator==(iterator const& o) const { return done_ == o.done_ && (done_ || rest_.data() == o.rest_.data()); }

    private:
        void advance();
        std::string_view rest_, piece_;
        char sep_;
        bool done_, last_ = false;
    };

    iterator begin() const { return {s_, sep_, false}; }
    iterator end() const { return {{}, sep_, true}; }

private:
    std::string_view s_;
    char sep_;
};
bool starts_with(std::string_view s, std::string_view prefix);

} // namespace farol::util
