#include "util/csv.hpp"

#include <catch2/catch.hpp>

using farol::util::csv_field;
using farol::util::csv_writer;

TEST_CASE("CSV rows end in CRLF and plain fields stay bare", "[util][csv]") {
    csv_writer w;
    w.row({"when", "who", "what"});
    w.row(std::vector<std::string>{"2026-01-02T03:04:05Z", "ana", "signed in"});
    CHECK(w.text() == "when,who,what\r\n2026-01-02T03:04:05Z,ana,signed in\r\n");
    csv_writer empty_fields;
    empty_fields.row({"", "x", ""});
    CHECK(empty_fields.text() == ",x,\r\n");
    CHECK(csv_writer{}.text().empty());
}

TEST_CASE("CSV fields with quotes, commas or line breaks are quoted, quotes doubled", "[util][csv]") {
    csv_writer w;
    w.row({"a,b", "say \"hi\"", "line 1\nline 2", "cr\ronly", "crlf\r\nend", "plain"});
    CHECK(w.text() == "\"a,b\",\"say \"\"hi\"\"\",\"line 1\nline 2\",\"cr\ronly\",\"crlf\r\nend\",plain\r\n");
    CHECK(csv_field("\"") == "\"\"\"\"");
    CHECK(csv_field("semi;colon 'quote'") == "semi;colon 'quote'");
}

TEST_CASE("CSV cells a spreadsheet would run as formulas are defused", "[util][csv]") {
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("=1+2") == "'=1+2");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("-5") == "'-5"); // negative numbers too: the documented trade-off
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\t=1") == "'\t=1");
    CHECK(csv_field("\r=1") == "\"'\r=1\""); // the CR then needs quotes as well
    CHECK(csv_field("=a,b") == "\"'=a,b\"");
    // Only the first character counts; safe cells are untouched.
    for (char const* safe : {"a=b", "5-3", "user@example.org", " =1", "'quoted", "100", ""}) {
        INFO(safe);
        CHECK(csv_field(safe) == safe);
    }
    csv_writer w;
    w.row({"ok", "-5", "=cmd|' /C calc'!A0"});
    CHECK(w.text() == "ok,'-5,'=cmd|' /C calc'!A0\r\n");
}

TEST_CASE("CSV passes UTF-8 through unchanged", "[util][csv]") {
    csv_writer w;
    w.row({"São João", "ação, coração", "日本語", "😀"});
    CHECK(w.text() == "São João,\"ação, coração\",日本語,😀\r\n");
}
