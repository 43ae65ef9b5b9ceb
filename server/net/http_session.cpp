#include "net/http_session.hpp"

#include "http/framing.hpp"
#include "net/connection_registry.hpp"
#include "net/fail.hpp"
#include "util/log.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include <algorithm>
#include <array>

namespace farol::net {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::asio::ip::tcp;

namespace {
constexpr std::size_t read_chunk = 16 * 1024;
constexpr std::size_t head_reserve = 1024; // most response heads fit: one allocation per request
// A client whose next request follows our response within hot_gap (a benchmark, a proxy in front, a
// page's assets over a fast network) keeps its memory between requests until quiet for hot_hold. The
// gap includes our own queueing: a loaded io thread must not turn its busiest clients cold.
constexpr std::int64_t hot_gap_ns = 50'000'000;
constexpr std::chrono::milliseconds hot_hold{1000};
constexpr std::size_t linger_limit = 1024 * 1024;
constexpr auto linger_timeout = std::chrono::seconds(2);

std::int64_t steady_now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

http_session::http_session(socket_type&& socket, session_env const& env)
    : socket_(std::move(socket)), buffer_(env.lim.max_head + read_chunk, gauged_allocator<char>(env.read_buffers)),
      env_(env) {
    // read_available() must never block an io thread; if this fails, the first read fails and closes.
    beast::error_code ec;
    socket_.non_blocking(true, ec);
    if (ec) socket_.close(ec);
}

http_session::~http_session() {
    release_upload_slot();
    env_.registry.remove(id_);
}

void http_session::run() {
    beast::error_code ec;
    peer_ = socket_.remote_endpoint(ec).address(); // unspecified if the client is gone already
    auto const ticket = env_.registry.add(weak_from_this());
    id_ = ticket.id;
    deadline_ = ticket.due;
    boost::asio::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->do_wait_request(); });
}

void http_session::graceful_close() {
    boost::asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
        if (self->idle_ && !self->closed_) self->do_close();
    });
}

void http_session::expire() {
    boost::asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
        auto const due = self->deadline_->load(std::memory_order_relaxed);
        auto const now = steady_now_ns();
        if (due == 0 || due > now) return;
        if (self->idle_ && self->hot_ && now < self->idle_since_ + self->keepalive_ns()) return self->cool_down();
        self->do_close(); // the pending operation ends aborted
    });
}

// A hot connection quiet for hot_hold: memory back, and the rest of the keep-alive time to wait.
void http_session::cool_down() {
    hot_ = false;
    release_idle_memory();
    deadline_->store(idle_since_ + keepalive_ns(), std::memory_order_relaxed);
}

std::int64_t http_session::keepalive_ns() const {
    return std::chrono::nanoseconds(env_.lim.keepalive_timeout).count();
}

void http_session::arm(std::chrono::milliseconds timeout) {
    deadline_->store(steady_now_ns() + std::chrono::nanoseconds(timeout).count(), std::memory_order_relaxed);
}

void http_session::disarm() { deadline_->store(0, std::memory_order_relaxed); }

void http_session::do_wait_request() {
    if (env_.stopping) return do_close();
    if (buffer_.size() > 0) { // the client sent the next request already (pipelining)
        ++pipelined_;
        return do_read_header();
    }
    pipelined_ = 0;
    idle_ = true;
    idle_since_ = steady_now_ns();
    auto const wait = hot_ ? std::min<std::chrono::milliseconds>(hot_hold, env_.lim.keepalive_timeout)
                           : env_.lim.keepalive_timeout;
    deadline_->store(idle_since_ + std::chrono::nanoseconds(wait).count(), std::memory_order_relaxed);
    do_wait_readable();
}

// A request that is already here is read at once, keeping the memory; otherwise the connection gives
// its per-request memory back (unless hot) and waits for readability, which needs no buffer.
void http_session::do_wait_readable() {
    auto const ec = read_available();
    if (ec != boost::asio::error::would_block && ec != boost::asio::error::try_again) {
        if (ec) {
            fail(ec, "read");
            return do_close();
        }
        head_.reserve(head_reserve);
        return do_read_header();
    }
    if (!hot_) release_idle_memory();
    // Checked just above on this thread: epoll is edge-triggered, so a wait alone could miss bytes
    // that arrived before it was queued.
    socket_.async_wait(socket_type::wait_read,
                       beast::bind_front_handler(&http_session::on_readable, shared_from_this()));
}

void http_session::on_readable(beast::error_code ec) {
    if (ec) {
        fail(ec, "wait");
        return do_close();
    }
    // Only a keep-alive gap counts: a first request sent right after connecting says nothing.
    hot_ = served_ > 0 && steady_now_ns() - idle_since_ < hot_gap_ns;
    do_wait_readable(); // readiness can be stale: read, or wait again
}

beast::error_code http_session::read_available() {
    beast::error_code ec;
    auto const n = socket_.read_some(buffer_.prepare(read_chunk), ec); // non-blocking
    buffer_.commit(n);
    return ec;
}

void http_session::release_idle_memory() {
    buffer_.clear();
    buffer_.shrink_to_fit(); // empty: frees it
    std::string().swap(head_);
    parser_.release();
    ctx_ = http::request_context{}; // the strings and vectors the last request grew
}

void http_session::do_read_header() {
    idle_ = false;
    started_ = std::chrono::steady_clock::now();
    bytes_written_ = 0;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(env_.lim.max_head));
    // The route decides the body limit after the head; Beast would otherwise refuse a large Content-Length as 400.
    parser_->body_limit(boost::none);
    // The head deadline is total: a client trickling its head (slowloris) is cut off.
    arm(env_.lim.head_timeout);
    bhttp::async_read_header(socket_, buffer_, *parser_,
                             beast::bind_front_handler(&http_session::on_read_header, shared_from_this()));
}

void http_session::reject_head(http::status s, std::string_view detail) {
    ctx_.reset();
    ctx_.peer = peer_;
    ctx_.request_id = env_.dispatcher.next_request_id();
    ctx_.received_at = env_.dispatcher.clock().now();
    do_respond(env_.dispatcher.error(ctx_, s, detail), true);
}

void http_session::on_read_header(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::header_limit) {
        // Beast fills the target only once the request line is complete.
        if (parser_->get().target().empty()) return reject_head(http::status::uri_too_long, "The address is too long.");
        return reject_head(http::status::request_header_fields_too_large, "The request headers are too large.");
    }
    if (ec && normal_close(ec)) return do_close();
    if (ec) return reject_head(http::status::bad_request, "The request is malformed.");
    if (auto why = http::ambiguous_framing(parser_->get().base()))
        return reject_head(http::status::bad_request, "Ambiguous request framing: " + *why + ".");

    ctx_.reset();
    ctx_.peer = peer_;
    ctx_.req.base() = std::move(parser_->get().base()); // the parser keeps its framing state without the fields
    ctx_.request_id = env_.dispatcher.next_request_id();
    ctx_.received_at = env_.dispatcher.clock().now();
    plan_ = env_.dispatcher.prepare(ctx_);
    if (plan_.reject) return do_respond(std::move(*plan_.reject), request_has_body());

    auto const length = parser_->content_length();
    if (length && *length > plan_.body_limit)
        return do_respond(env_.dispatcher.error(ctx_, http::status::payload_too_large, "The request body is too large."),
                          true);
    parser_->body_limit(plan_.body_limit);
    if (parser_->is_done()) return do_handle();
    if (plan_.matched->options.body == http::body_kind::file_stream) return do_admit_upload();
    if (ctx_.header_has_token(http::field::expect, "100-continue")) return do_continue();
    do_read_body();
}

// An upload is written to disk as it arrives: who sends it is checked first (the session and role,
// on the worker pool since that reads SQLite), and only so many are taken at once.
void http_session::do_admit_upload() {
    if (env_.uploads.fetch_add(1) >= env_.lim.max_uploads) {
        env_.uploads.fetch_sub(1);
        auto res = env_.dispatcher.error(ctx_, http::status::service_unavailable,
                                         "Too many uploads at once. Try again in a minute.");
        res.set(http::field::retry_after, "60");
        return do_respond(std::move(res), true);
    }
    upload_slot_ = true;
    disarm(); // the client waits for us now
    env_.workers.post([self = shared_from_this()] {
        auto refusal = self->env_.dispatcher.admit_before_body(self->ctx_, self->plan_);
        boost::asio::post(self->socket_.get_executor(), [self, r = std::move(refusal)]() mutable {
            self->on_admit_upload(std::move(r));
        });
    });
}

void http_session::on_admit_upload(std::optional<http::response> refusal) {
    if (refusal) {
        release_upload_slot();
        return do_respond(std::move(*refusal), true);
    }
    start_form();
    if (ctx_.header_has_token(http::field::expect, "100-continue")) return do_continue();
    do_read_body();
}

void http_session::release_upload_slot() {
    if (upload_slot_) env_.uploads.fetch_sub(1);
    upload_slot_ = false;
}

// Uploads stream to temporary files from here on (the dispatcher checked the Content-Type already).
void http_session::start_form() {
    http::form_data body;
    body.boundary = http::multipart_boundary(ctx_.header(http::field::content_type)).value_or("");
    body.dir = env_.upload_dir;
    parser_.switch_to_form(std::move(body)).body_limit(plan_.body_limit);
}

bool http_session::body_done() const {
    if (auto const* f = parser_.form()) return f->is_done();
    return parser_->is_done();
}

bool http_session::client_keeps_alive() const {
    if (auto const* f = parser_.form()) return f->keep_alive();
    return parser_ && parser_->is_header_done() && parser_->keep_alive();
}

bool http_session::request_has_body() const {
    return !parser_ || parser_->chunked() || parser_->content_length().value_or(0) > 0;
}

void http_session::do_continue() {
    static constexpr char interim[] = "HTTP/1.1 100 Continue\r\n\r\n";
    arm(env_.lim.idle_timeout);
    boost::asio::async_write(socket_, boost::asio::buffer(interim, sizeof interim - 1),
                             beast::bind_front_handler(&http_session::on_continue, shared_from_this()));
}

void http_session::on_continue(beast::error_code ec, std::size_t) {
    if (ec) {
        fail(ec, "write");
        return do_close();
    }
    do_read_body();
}

void http_session::do_read_body() {
    // Idle, not total: a phone on 2G may take minutes, as long as bytes keep coming.
    arm(env_.lim.idle_timeout);
    if (auto* f = parser_.form())
        return bhttp::async_read_some(socket_, buffer_, *f,
                                      beast::bind_front_handler(&http_session::on_read_body, shared_from_this()));
    bhttp::async_read_some(socket_, buffer_, *parser_,
                           beast::bind_front_handler(&http_session::on_read_body, shared_from_this()));
}

void http_session::on_read_body(beast::error_code ec, std::size_t) {
    if (!ec) {
        if (!body_done()) return do_read_body();
        return do_handle();
    }
    if (normal_close(ec)) return do_close();
    std::optional<http::request_error> why;
    if (auto* f = parser_.form(); f && f->get().body().problem) why = f->get().body().problem;
    else if (ec == bhttp::error::body_limit) why = {http::status::payload_too_large, "The request body is too large."};
    else why = {http::status::bad_request, "The request body is malformed."};
    // A refused upload's files and descriptors go now, not after the reply has lingered.
    parser_.reset();
    release_upload_slot();
    do_respond(env_.dispatcher.error(ctx_, why->code, why->detail), true);
}

void http_session::do_handle() {
    disarm(); // a handler's own time is not the client's fault
    if (auto* f = parser_.form()) {
        auto& body = f->get().body();
        ctx_.form = std::move(body.fields);
        for (auto& file : body.files) ctx_.add_file(std::move(file));
        body.files.clear();
    } else {
        ctx_.req.body() = std::move(parser_->get().body());
    }
    if (!plan_.blocking) {
        auto res = env_.dispatcher.handle(ctx_, plan_);
        ctx_.files.reset(); // uploads a handler did not keep go now, not when the connection does
        release_upload_slot();
        return do_respond(std::move(res), false);
    }
    // Blocking handlers run on the worker pool; the answer comes back to this session's io thread.
    env_.workers.post([self = shared_from_this()] {
        auto res = std::make_shared<http::response>(self->env_.dispatcher.handle(self->ctx_, self->plan_));
        self->ctx_.files.reset();
        self->release_upload_slot(); // an atomic counter: safe from the worker thread
        boost::asio::post(self->socket_.get_executor(), [self, res] { self->do_respond(std::move(*res), false); });
    });
}

void http_session::do_respond(http::response res, bool must_close) {
    ++served_;
    bool const keep = !must_close && client_keeps_alive() &&
                      !env_.stopping && served_ < env_.lim.keepalive_requests && pipelined_ + 1 < env_.lim.max_pipelined;
    close_after_write_ = !keep;
    env_.dispatcher.finish(ctx_, res);
    res_ = std::move(res);
    head_.clear();
    env_.dispatcher.write_head(ctx_, *res_, keep, head_);
    head_left_ = head_;
    body_left_ = http::dispatcher::content(ctx_, *res_);
    do_write();
}

void http_session::do_write() {
    // Reset before every write: progress keeps a slow download alive, a stalled reader is cut off.
    arm(env_.lim.idle_timeout);
    std::array<boost::asio::const_buffer, 2> const bufs{boost::asio::buffer(head_left_),
                                                         boost::asio::buffer(body_left_)};
    socket_.async_write_some(bufs, beast::bind_front_handler(&http_session::on_write, shared_from_this()));
}

void http_session::on_write(beast::error_code ec, std::size_t n) {
    auto const from_head = std::min(n, head_left_.size());
    head_left_.remove_prefix(from_head);
    body_left_.remove_prefix(n - from_head);
    bytes_written_ += n;
    if (ec) {
        fail(ec, "write");
        record_exchange();
        return do_close();
    }
    if (!head_left_.empty() || !body_left_.empty()) return do_write();
    record_exchange();
    res_.reset();
    if (close_after_write_) return do_linger();
    parser_.reset();
    do_wait_request();
}

void http_session::record_exchange() {
    auto const status = res_ ? res_->result_int() : 0;
    env_.dispatcher.record({ctx_, plan_.matched, status, bytes_written_, std::chrono::steady_clock::now() - started_});
    plan_ = {};
}

void http_session::do_linger() {
    // Half-close and drain what the client still sends, so our error reply is not lost to a reset.
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return do_close();
    buffer_.clear();
    arm(std::chrono::duration_cast<std::chrono::milliseconds>(linger_timeout));
    socket_.async_read_some(buffer_.prepare(read_chunk),
                            beast::bind_front_handler(&http_session::on_linger, shared_from_this()));
}

void http_session::on_linger(beast::error_code ec, std::size_t n) {
    lingered_ += static_cast<std::uint32_t>(std::min(n, linger_limit + 1)); // n is at most read_chunk
    if (ec || lingered_ > linger_limit) return do_close();
    socket_.async_read_some(buffer_.prepare(read_chunk),
                            beast::bind_front_handler(&http_session::on_linger, shared_from_this()));
}

void http_session::do_close() {
    if (closed_) return;
    closed_ = true;
    release_upload_slot();
    disarm();
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
}

} // namespace farol::net
