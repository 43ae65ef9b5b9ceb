#pragma once
#include "http/body.hpp"

#include <stdexcept>
#include <string>

namespace farol::http {

// Thrown by a handler to answer with the server's error page for `code` (in the reader's language).
class http_error : public std::runtime_error {
public:
    http_error(status code, std::string detail) : std::runtime_error(std::move(detail)), code_(code) {}
    status code() const { return code_; }

private:
    status code_;
};

} // namespace farol::http
