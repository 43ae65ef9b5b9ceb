#pragma once
#include "http/form_fields.hpp"
#include "http/multipart.hpp"
#include "http/request_context.hpp"
#include "http/uploaded_file.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace farol::http {

// A multipart/form-data body as it is received: text fields in memory (bounded), file parts
// streamed to temporary files in `dir` (RFC 7578). What a route with body_kind::file_stream gets.
struct form_data {
    std::string boundary;       // from the Content-Type (multipart_boundary)
    std::filesystem::path dir;  // where file parts are written
    field_list fields;
    std::vector<uploaded_file> files;
    std::optional<request_error> problem; // why the body was refused, when it was

    static constexpr std::size_t max_field_bytes = 64 * 1024;  // one text field
    static constexpr std::size_t max_text_bytes = 256 * 1024;  // all text fields together
    static constexpr std::size_t max_fields = 64;
    static constexpr std::size_t max_files = 4;
};

// Writes one multipart body into a form_data as its bytes arrive; see form_data_body.
class form_data_writer : public part_sink {
public:
    explicit form_data_writer(form_data& out);
    ~form_data_writer() override;
    form_data_writer(form_data_writer const&) = delete;
    form_data_writer& operator=(form_data_writer const&) = delete;

    // False once the body is refused; out.problem then says why (400, 413 or 507).
    bool put(std::string_view bytes);
    bool finish();

    std::string on_part(part_head const& head) override;
    std::string on_data(std::string_view bytes) override;
    std::string on_part_end() override;

private:
    bool refuse(status code, std::string detail);

    form_data& out_;
    multipart_parser parser_;
    std::string* field_ = nullptr; // the text field being received
    int fd_ = -1;                  // the file part being received
    std::size_t text_bytes_ = 0;   // of every text field so far
};

// A Beast body (BodyReader only: requests) for multipart/form-data; the session switches its parser
// to this body after the head when the route streams its body, so an upload never sits in memory.
struct form_data_body {
    using value_type = form_data;

    class reader {
    public:
        template <bool isRequest, class Fields>
        reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

        void init(boost::optional<std::uint64_t> const&, boost::beast::error_code& ec) {
            writer_ = std::make_unique<form_data_writer>(body_);
            ec = {};
        }

        template <class ConstBufferSequence>
        std::size_t put(ConstBufferSequence const& buffers, boost::beast::error_code& ec) {
            std::size_t n = 0;
            for (auto const b : boost::beast::buffers_range_ref(buffers)) {
                if (!writer_->put({static_cast<char const*>(b.data()), b.size()})) return refused(ec), n;
                n += b.size();
            }
            ec = {};
            return n;
        }

        void finish(boost::beast::error_code& ec) {
            if (!writer_->finish()) return refused(ec);
            ec = {};
        }

    private:
        static void refused(boost::beast::error_code& ec) {
            ec = make_error_code(boost::system::errc::invalid_argument); // form_data::problem says which
        }
        value_type& body_;
        std::unique_ptr<form_data_writer> writer_;
    };
};

} // namespace farol::http
