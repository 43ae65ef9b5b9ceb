#pragma once
#include "editor/failure_table.hpp"
#include "util/clock.hpp"

#include <boost/asio/ip/address.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string_view>

namespace farol::editor {

struct throttle_limits {
    unsigned name_failures = 5;     // failures an account name may have before its attempts wait
    unsigned address_failures = 20; // the same for a client address (one IPv4 address, one IPv6 /64)
    std::chrono::seconds window{15 * 60}; // a key is forgotten this long after its last failure
    std::chrono::seconds max_delay{15 * 60};
    std::size_t max_keys = 10000; // per kind; the oldest are dropped beyond it
};

// Slows password guessing (OWASP ASVS 5.0 V6.3.1, NIST SP 800-63B §5.2.2) per account name and per
// client address: once a key has had its allowed failures, the next attempt waits 1 s, and each
// further failure doubles the wait, up to max_delay. In memory only, never written anywhere: names are
// held as keyed hashes, addresses as bytes. Known and unknown names are counted alike, so the
// throttle never learns (or tells) whether an account exists. Thread-safe.
class login_throttle {
public:
    // Throws std::invalid_argument when a failure count or max_keys is 0.
    explicit login_throttle(util::clock const& clock, throttle_limits limits = {});

    // Before checking a password: nullopt to go ahead, or how long to wait (whole seconds rounded up,
    // at least 1; the longer of the name's and the address's waits). Names compare ASCII-case-blind;
    // IPv4-mapped IPv6 addresses count as IPv4.
    std::optional<std::chrono::seconds> retry_after(std::string_view name,
                                                    boost::asio::ip::address const& client) const;

    // After a wrong password or an unknown name: counts against both the name and the address.
    void record_failure(std::string_view name, boost::asio::ip::address const& client);

    // After a right password: forgets the name's failures. The address keeps its own, since one
    // client guessing at many accounts may well know one password.
    void record_success(std::string_view name, boost::asio::ip::address const& client);

    std::size_t tracked() const; // names plus addresses held now (tests, metrics)

private:
    failure_table::key name_key(std::string_view name) const;

    util::clock const& clock_;
    std::array<unsigned char, 32> name_secret_; // BLAKE2b key, random per process
    mutable std::mutex mutex_;
    failure_table names_;
    failure_table addresses_;
};

// The bytes an address is throttled under: an IPv4 address whole (as its IPv4-mapped IPv6 form), an
// IPv6 address's /64 with the interface half zeroed, since one subscriber usually holds a whole /64.
failure_table::key address_bucket(boost::asio::ip::address const& client);

} // namespace farol::editor
