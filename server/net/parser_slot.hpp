#pragma once
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
#include <optional>

namespace farol::net {

// The request parser of a connection, on the heap: a parser is built per request, but its storage
// is kept from one request to the next and given back only when the connection goes idle.
class parser_slot {
public:
    using parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

    // A fresh parser, in the kept storage if any.
    parser& emplace() {
        if (!storage_) storage_ = std::make_unique<std::optional<parser>>();
        return storage_->emplace();
    }
    // Ends the parser, keeping its storage.
    void reset() noexcept {
        if (storage_) storage_->reset();
    }
    // Ends the parser and frees its storage.
    void release() noexcept { storage_.reset(); }

    explicit operator bool() const noexcept { return storage_ && storage_->has_value(); }
    parser& operator*() noexcept { return **storage_; }
    parser const& operator*() const noexcept { return **storage_; }
    parser* operator->() noexcept { return &**storage_; }
    parser const* operator->() const noexcept { return &**storage_; }

private:
    std::unique_ptr<std::optional<parser>> storage_;
};

} // namespace farol::net
