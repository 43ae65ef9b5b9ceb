#include "util/csv.hpp"

namespace farol::util {

namespace {

// A spreadsheet takes a cell starting with one of these as a formula (OWASP's list).
bool starts_formula(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

bool needs_quotes(std::string_view value) {
    return value.find_first_of("\",\r\n") != std::string_view::npos;
}

template <class Fields>
void append_row(std::string& out, Fields const& fields) {
    bool first = true;
    for (std::string_view f : fields) {
        if (!first) out.push_back(',');
        out += csv_field(f);
        first = false;
    }
    out += "\r\n";
}

} // namespace

std::string csv_field(std::string_view value) {
    std::string cell;
    cell.reserve(value.size() + 3);
    if (starts_formula(value)) cell.push_back('\'');
    cell.append(value);
    if (!needs_quotes(cell)) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

void csv_writer::row(std::initializer_list<std::string_view> fields) {
    append_row(text_, fields);
}

void csv_writer::row(std::vector<std::string> const& fields) {
    append_row(text_, fields);
}

} // namespace farol::util
