#include "http/form_data_body.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace farol::http {

form_data_writer::form_data_writer(form_data& out) : out_(out), parser_(out.boundary) {}

form_data_writer::~form_data_writer() {
    if (fd_ >= 0) ::close(fd_);
}

bool form_data_writer::refuse(status code, std::string detail) {
    if (!out_.problem) out_.problem = request_error{code, std::move(detail)};
    return false;
}

bool form_data_writer::put(std::string_view bytes) {
    if (out_.problem) return false;
    if (parser_.feed(bytes, *this)) return true;
    return refuse(status::bad_request, "The form data is malformed: " + parser_.error() + ".");
}

bool form_data_writer::finish() {
    if (out_.problem) return false;
    if (parser_.finish()) return true;
    return refuse(status::bad_request, "The form data is malformed: " + parser_.error() + ".");
}

std::string form_data_writer::on_part(part_head const& head) {
    if (!head.filename) {
        if (out_.fields.size() >= form_data::max_fields)
            return refuse(status::payload_too_large, "The form has too many fields."), "too many fields";
        out_.fields.emplace_back(head.name, std::string());
        field_ = &out_.fields.back().second;
        return {};
    }
    if (out_.files.size() >= form_data::max_files)
        return refuse(status::payload_too_large, "The form has too many files."), "too many files";
    try {
        auto file = util::temp_file::create(out_.dir, "upload-");
        fd_ = ::open(file.path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "open");
        out_.files.push_back(uploaded_file{head.name, *head.filename, head.content_type, std::move(file), 0});
    } catch (std::system_error const&) {
        return refuse(status::insufficient_storage, "The upload cannot be stored now."), "no room";
    }
    return {};
}

std::string form_data_writer::on_data(std::string_view bytes) {
    if (field_) {
        text_bytes_ += bytes.size();
        if (field_->size() + bytes.size() > form_data::max_field_bytes || text_bytes_ > form_data::max_text_bytes)
            return refuse(status::payload_too_large, "A form field is too long."), "field too long";
        field_->append(bytes);
        return {};
    }
    if (fd_ < 0) return {}; // the part is being skipped
    while (!bytes.empty()) {
        auto const n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        // A full disk is the server's problem, but the client must still learn that nothing was kept.
        if (n <= 0) return refuse(status::insufficient_storage, "The upload cannot be stored now."), "write failed";
        bytes.remove_prefix(static_cast<std::size_t>(n));
        out_.files.back().size += static_cast<std::uint64_t>(n);
    }
    return {};
}

std::string form_data_writer::on_part_end() {
    field_ = nullptr;
    if (fd_ >= 0 && ::close(fd_) != 0) {
        fd_ = -1;
        return refuse(status::insufficient_storage, "The upload cannot be stored now."), "close failed";
    }
    fd_ = -1;
    return {};
}

} // namespace farol::http
