#pragma once
#include <boost/beast/core/error.hpp>

namespace farol::net {

// Whether a transport error is the ordinary end of a connection: the client went away (EOF,
// reset, broken pipe, timed out, unreachable) or our own close cut an operation short (aborted,
// bad descriptor after the deadline sweep).
bool normal_close(boost::beast::error_code ec);

// Reports a transport error, once, where it happens: ordinary ones (normal_close) are skipped; the
// rest go to the error log as "<what>: <message>" with no client address. As in Beast's examples.
void fail(boost::beast::error_code ec, char const* what);

} // namespace farol::net
