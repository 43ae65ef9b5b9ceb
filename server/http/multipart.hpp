#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace farol::http {

// The boundary parameter of a multipart/form-data Content-Type (RFC 7578 §4.1, RFC 2046 §5.1.1:
// 1 to 70 characters of bchars, quoted or not); nullopt for another media type or a bad boundary.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// What the head of one part says (RFC 7578 §4.2, §4.4).
struct part_head {
    std::string name;                    // Content-Disposition: form-data; name="..."
    std::optional<std::string> filename; // its filename parameter, directories removed; set for file parts
    std::string content_type;            // as sent, "" when absent
};

// Receives a multipart body's parts as they are parsed; returning a non-empty string stops the
// parse with that reason (a limit reached, a write that failed).
class part_sink {
public:
    virtual ~part_sink() = default;
    virtual std::string on_part(part_head const& head) = 0;
    virtual std::string on_data(std::string_view bytes) = 0;
    virtual std::string on_part_end() = 0;
};

// A streaming multipart/form-data parser (RFC 7578 over RFC 2046 §5.1): bytes are fed as they
// arrive, in pieces of any size, and a part's content reaches the sink without being held whole.
// Memory is bounded by the boundary's length plus max_head_bytes for one part's headers.
class multipart_parser {
public:
    static constexpr std::size_t max_head_bytes = 8 * 1024;

    explicit multipart_parser(std::string boundary);

    // Parses the next bytes; false once the body is malformed or the sink refused (see error()).
    bool feed(std::string_view bytes, part_sink& sink);
    // True when the closing delimiter was seen; else error() says why the body is incomplete.
    bool finish();
    // An English reason, "" while all is well.
    std::string const& error() const { return error_; }

private:
    enum class state { preamble, after_delimiter, head, content, epilogue, failed };
    bool step(part_sink& sink);
    bool after_delimiter();
    bool head(part_sink& sink);
    bool content(part_sink& sink);
    bool fail(std::string reason);

    std::string delimiter_; // "\r\n--" + boundary
    std::string pending_;   // bytes not yet consumed: at most a delimiter's length while in content
    state state_ = state::preamble;
    std::string error_;
};

} // namespace farol::http
