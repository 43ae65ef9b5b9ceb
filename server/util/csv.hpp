#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace farol::util {

// Builds CSV text as RFC 4180 §2 defines it (the audit-log export): CRLF after every row, a field
// in double quotes when it holds '"', ',', CR or LF, and each '"' inside doubled. Bytes pass through
// unchanged, so UTF-8 stays UTF-8.
//
// Cells are also defused against CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell
// that starts with '=', '+', '-', '@', TAB or CR as a formula, so such a cell gets a leading "'"
// first. A known trade-off: negative numbers ("-5") come out as text ("'-5") too.
class csv_writer {
public:
    void row(std::initializer_list<std::string_view> fields);
    void row(std::vector<std::string> const& fields);

    // Every row so far, each ending in CRLF.
    std::string const& text() const { return text_; }

private:
    std::string text_;
};

// One field as csv_writer writes it: defused, then quoted if it must be.
std::string csv_field(std::string_view value);

} // namespace farol::util
