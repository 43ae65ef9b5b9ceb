#include "net/fail.hpp"

#include "util/log.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>

#include <string>

namespace farol::net {

bool normal_close(boost::beast::error_code ec) {
    namespace error = boost::asio::error;
    return ec == boost::beast::http::error::end_of_stream || ec == error::eof || ec == error::operation_aborted ||
           ec == error::bad_descriptor || ec == error::connection_reset || ec == error::connection_aborted ||
           ec == error::broken_pipe || ec == error::timed_out || ec == error::not_connected ||
           ec == error::host_unreachable || ec == error::network_unreachable;
}

void fail(boost::beast::error_code ec, char const* what) {
    if (!ec || normal_close(ec)) return;
    util::log_error(std::string(what) + ": " + ec.message());
}

} // namespace farol::net
