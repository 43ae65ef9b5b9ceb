#include "net/fail.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>

#include <catch2/catch.hpp>

using farol::net::normal_close;

TEST_CASE("ordinary ends of a connection are not failures worth a log line", "[net]") {
    namespace error = boost::asio::error;
    for (auto ec : {boost::beast::error_code(boost::beast::http::error::end_of_stream), make_error_code(error::eof),
                    make_error_code(error::connection_reset), make_error_code(error::broken_pipe),
                    make_error_code(error::operation_aborted), make_error_code(error::timed_out)}) {
        INFO(ec.message());
        CHECK(normal_close(ec));
    }
    for (auto ec : {make_error_code(error::no_buffer_space), make_error_code(error::no_descriptors),
                    make_error_code(error::access_denied)}) {
        INFO(ec.message());
        CHECK_FALSE(normal_close(ec));
    }
}
