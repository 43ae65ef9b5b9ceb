#pragma once
#include "http/dispatcher.hpp"
#include "http/request_context.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::test {

// A request context as the server parses one, without a socket: method, target and fields, then
// dispatcher::prepare() does what it does for a real request (fields checked and joined, target
// parsed, route chosen). For handler tests.
class request_builder {
public:
    explicit request_builder(std::string_view target, http::verb method = http::verb::get);
    request_builder& header(http::field f, std::string_view value);
    request_builder& header(std::string_view name, std::string_view value);
    // An application/x-www-form-urlencoded body, already encoded ("a=1&b=2").
    request_builder& form(std::string_view encoded);
    http::request_context& context() { return ctx_; }

private:
    http::request_context ctx_;
};

using form_fields = std::vector<std::pair<std::string, std::string>>;

// Fields as an application/x-www-form-urlencoded body, each name and value percent-encoded.
std::string encode_form(form_fields const& fields);

// What the dispatcher answers to the request: its own refusal (404, 405...) or the handler's response.
http::response answer(http::dispatcher const& d, request_builder& request);

// The response body as a string (the bytes the response points at).
inline std::string body_of(http::response const& res) { return std::string(res.body().bytes.data); }

} // namespace farol::test
