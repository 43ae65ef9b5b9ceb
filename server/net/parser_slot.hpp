#pragma once
#include "http/form_data_body.hpp"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
#include <optional>

namespace farol::net {

// The request parser of a connection, on the heap: a parser is built per request, but its storage
// is kept from one request to the next and given back only when the connection goes idle. A route
// that streams its body (multipart uploads) continues the request in a second parser, `form()`.
class parser_slot {
public:
    using parser = boost::beast::http::request_parser<boost::beast::http::string_body>;
    using form_parser = boost::beast::http::request_parser<http::form_data_body>;

    // A fresh parser, in the kept storage if any.
    parser& emplace() {
        if (!storage_) storage_ = std::make_unique<storage>();
        storage_->form.reset();
        return storage_->head.emplace();
    }
    // Continues the current request, whose head is parsed and no body byte read, with a body that
    // streams into `body` (Beast's body-changing parser move); the head parser is ended.
    form_parser& switch_to_form(http::form_data body) {
        storage_->form.emplace(std::move(*storage_->head));
        storage_->head.reset();
        storage_->form->get().body() = std::move(body);
        return *storage_->form;
    }
    // Ends the parsers, keeping the storage.
    void reset() noexcept {
        if (!storage_) return;
        storage_->head.reset();
        storage_->form.reset();
    }
    // Ends the parsers and frees the storage.
    void release() noexcept { storage_.reset(); }

    // The head parser is live (form() may be live instead).
    explicit operator bool() const noexcept { return storage_ && storage_->head.has_value(); }
    parser& operator*() noexcept { return *storage_->head; }
    parser const& operator*() const noexcept { return *storage_->head; }
    parser* operator->() noexcept { return &*storage_->head; }
    parser const* operator->() const noexcept { return &*storage_->head; }
    // The streaming parser, when the request switched to it; else null.
    form_parser* form() noexcept { return storage_ && storage_->form ? &*storage_->form : nullptr; }
    form_parser const* form() const noexcept { return storage_ && storage_->form ? &*storage_->form : nullptr; }

private:
    struct storage {
        std::optional<parser> head;
        std::optional<form_parser> form;
    };
    std::unique_ptr<storage> storage_;
};

} // namespace farol::net
