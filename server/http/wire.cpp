#include "http/wire.hpp"

#include <charconv>

namespace farol::http {

void append_status_line(response const& res, std::string& out) {
    out += res.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    char code[8];
    auto const end = std::to_chars(code, code + sizeof code, res.result_int()).ptr;
    out.append(code, end);
    out += ' ';
    auto const reason = res.reason();
    out.append(reason.data(), reason.size());
    out += "\r\n";
}

void append_field(std::string_view name, std::string_view value, std::string& out) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
}

namespace {
bool framing_field(field f) {
    return f == field::content_length || f == field::transfer_encoding || f == field::connection ||
           f == field::keep_alive;
}
} // namespace

void append_fields(response const& res, std::string& out) {
    for (auto const& f : res.base()) {
        if (framing_field(f.name())) continue;
        auto const name = f.name_string();
        auto const value = f.value();
        append_field({name.data(), name.size()}, {value.data(), value.size()}, out);
    }
    out += res.body().head_lines;
}

bool status_has_content(unsigned status) { return status >= 200 && status != 204 && status != 304; }

void append_framing(response const& res, framing const& f, std::string& out) {
    if (status_has_content(res.result_int())) {
        char digits[24];
        auto const end = std::to_chars(digits, digits + sizeof digits, res.body().bytes.data.size()).ptr;
        out += "Content-Length: ";
        out.append(digits, end);
        out += "\r\n";
    }
    if (!f.keep_alive) out += "Connection: close\r\n";
    else if (f.request_version < 11) out += "Connection: keep-alive\r\n";
}

std::string_view content_to_send(response const& res, bool head_request) {
    if (head_request || !status_has_content(res.result_int())) return {};
    return res.body().bytes.data;
}

void append_head(response const& res, framing const& f, std::string& out) {
    append_status_line(res, out);
    append_fields(res, out);
    append_framing(res, f, out);
    out += "\r\n";
}

} // namespace farol::http
