#pragma once
#include <boost/beast/http/message.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace farol::http {

// Immutable bytes owned elsewhere (a Site snapshot, an asset index, a mapped file): responses
// point into them instead of copying, and `owner` keeps them alive until the write ends.
struct shared_bytes {
    std::shared_ptr<void const> owner;
    std::string_view data;

    static shared_bytes copy_of(std::string s) {
        auto p = std::make_shared<std::string const>(std::move(s));
        return {p, *p};
    }
};

// What a response carries besides Beast's fields: the body, and header lines a handler wrote
// straight in wire form ("Name: value\r\n"...; see http/wire.hpp) to spare one allocation per field.
struct payload {
    shared_bytes bytes;
    std::string head_lines;
};

// A Beast body over shared bytes. Farol writes responses itself (net/ and http/wire.hpp), so the
// body needs no BodyWriter: only its value and size.
struct shared_body {
    using value_type = payload;

    static std::uint64_t size(value_type const& v) { return v.bytes.data.size(); }
};

using response = boost::beast::http::response<shared_body>;
using status = boost::beast::http::status;
using field = boost::beast::http::field;
using verb = boost::beast::http::verb;

} // namespace farol::http
