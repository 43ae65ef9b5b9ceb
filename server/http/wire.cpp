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

void append_fields(response const& res, std::string& out) {
    for (auto const& f : res.base()) {
        auto const name = f.name_string();
        auto const value = f.value();
        append_field({name.data(), name.size()}, {value.data(), value.size()}, out);
    }
    out += res.body().head_lines;
}

void append_head(response const& res, std::string& out) {
    append_status_line(res, out);
    append_fields(res, out);
    out += "\r\n";
}

} // namespace farol::http
