#pragma once
// Store-private: how a user row is selected and read, shared by the account and session stores.
#include "store/account_store.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <string>
#include <string_view>

namespace farol::store {

// The user columns, prefixed by `alias.` when joined ("u."), in the order read_user() reads them.
inline std::string user_columns(std::string_view alias = {}) {
    std::string out;
    for (char const* c : {"id", "name", "role", "password_hash", "must_change_password", "disabled", "totp_secret",
                          "totp_last_step", "created_ns", "changed_ns"}) {
        if (!out.empty()) out += ", ";
        if (!alias.empty()) out.append(alias).append(".");
        out += c;
    }
    return out;
}

// The user whose columns start at column `first` of the current row.
inline user_row read_user(SQLite::Statement& q, int first = 0) {
    user_row u;
    u.id = q.getColumn(first).getInt64();
    u.name = q.getColumn(first + 1).getString();
    u.role = q.getColumn(first + 2).getString();
    u.password_hash = q.getColumn(first + 3).getString();
    u.must_change_password = q.getColumn(first + 4).getInt() != 0;
    u.disabled = q.getColumn(first + 5).getInt() != 0;
    if (!q.getColumn(first + 6).isNull()) u.totp_secret = q.getColumn(first + 6).getString();
    u.totp_last_step = q.getColumn(first + 7).getInt64();
    u.created_ns = q.getColumn(first + 8).getInt64();
    u.changed_ns = q.getColumn(first + 9).getInt64();
    return u;
}

} // namespace farol::store
