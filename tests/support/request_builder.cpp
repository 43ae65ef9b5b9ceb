#include "support/request_builder.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace farol::test {

request_builder::request_builder(std::string_view target, http::verb method) {
    ctx_.req.method(method);
    ctx_.req.target(target);
    ctx_.req.version(11);
    ctx_.req.set(http::field::host, "farol.test");
    ctx_.request_id = "test";
}

request_builder& request_builder::header(http::field f, std::string_view value) {
    ctx_.req.insert(f, value);
    return *this;
}

request_builder& request_builder::header(std::string_view name, std::string_view value) {
    ctx_.req.insert(name, value);
    return *this;
}

request_builder& request_builder::form(std::string_view encoded) {
    ctx_.req.set(http::field::content_type, "application/x-www-form-urlencoded");
    ctx_.req.body() = std::string(encoded);
    ctx_.req.content_length(encoded.size());
    return *this;
}

std::string encode_form(form_fields const& fields) {
    std::string out;
    for (auto const& [k, v] : fields) {
        if (!out.empty()) out += '&';
        out += boost::urls::encode(k, boost::urls::unreserved_chars) + "=" +
               boost::urls::encode(v, boost::urls::unreserved_chars);
    }
    return out;
}

http::response answer(http::dispatcher const& d, request_builder& request) {
    auto& ctx = request.context();
    auto plan = d.prepare(ctx);
    if (plan.reject) return std::move(*plan.reject);
    return d.handle(ctx, plan);
}

} // namespace farol::test
