#include "editor/login_throttle.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace farol::editor {

namespace ip = boost::asio::ip;

namespace {

backoff_rule rule(throttle_limits const& l, unsigned allowed) {
    return {allowed, l.window, l.max_delay, l.max_keys};
}

std::chrono::seconds round_up(failure_table::time_point::duration d) {
    auto const s = std::chrono::ceil<std::chrono::seconds>(d);
    return std::max(s, std::chrono::seconds(1));
}

} // namespace

failure_table::key address_bucket(ip::address const& client) {
    ip::address_v6::bytes_type bytes{};
    if (client.is_v4()) {
        bytes = ip::make_address_v6(ip::v4_mapped, client.to_v4()).to_bytes();
    } else {
        auto const v6 = client.to_v6();
        bytes = v6.to_bytes();
        if (!v6.is_v4_mapped()) std::fill(bytes.begin() + 8, bytes.end(), 0);
    }
    failure_table::key out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

login_throttle::login_throttle(util::clock const& clock, throttle_limits limits)
    : clock_(clock), names_(rule(limits, limits.name_failures)), addresses_(rule(limits, limits.address_failures)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    randombytes_buf(name_secret_.data(), name_secret_.size());
}

failure_table::key login_throttle::name_key(std::string_view name) const {
    std::string folded(name);
    for (char& c : folded)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    failure_table::key out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<unsigned char const*>(folded.data()), folded.size(),
                       name_secret_.data(), name_secret_.size());
    return out;
}

std::optional<std::chrono::seconds> login_throttle::retry_after(std::string_view name,
                                                               ip::address const& client) const {
    auto const name_k = name_key(name);
    auto const address_k = address_bucket(client);
    std::lock_guard lock(mutex_);
    auto const now = clock_.now();
    auto const by_name = names_.wait(name_k, now);
    auto const by_address = addresses_.wait(address_k, now);
    if (!by_name && !by_address) return std::nullopt;
    return round_up(std::max(by_name.value_or(failure_table::time_point::duration::zero()),
                             by_address.value_or(failure_table::time_point::duration::zero())));
}

void login_throttle::record_failure(std::string_view name, ip::address const& client) {
    auto const name_k = name_key(name);
    auto const address_k = address_bucket(client);
    std::lock_guard lock(mutex_);
    auto const now = clock_.now();
    names_.fail(name_k, now);
    addresses_.fail(address_k, now);
}

void login_throttle::record_success(std::string_view name, ip::address const&) {
    auto const name_k = name_key(name);
    std::lock_guard lock(mutex_);
    names_.forget(name_k);
}

std::size_t login_throttle::tracked() const {
    std::lock_guard lock(mutex_);
    return names_.size() + addresses_.size();
}

} // namespace farol::editor
