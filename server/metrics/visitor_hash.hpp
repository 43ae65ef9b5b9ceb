#pragma once
#include "schedule/zone.hpp"
#include "util/clock.hpp"

#include <boost/asio/ip/address.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>

namespace farol::metrics {

// A visitor's hash for the day, and the local date of the salt that made it.
struct dated_hash {
    std::uint64_t value = 0;
    std::chrono::year_month_day day{};
};

// What a reader's hash depends on besides the user-agent: the hasher, its salt (by sequence number:
// it changes with the salt) and the client's network (family tag, then the /24 or /48). Equal keys
// with equal user-agents hash alike. In memory only, like the salt.
struct visitor_key {
    std::uint64_t hasher = 0;   // 0: no key
    std::uint64_t sequence = 0; // even; an odd one (a rotation writing) is never handed out
    std::uint64_t network = 0;
    bool operator==(visitor_key const&) const = default;
};

// A reader's hash kept by the caller next to one user-agent (reach keeps one per recent user-agent,
// per thread), so a reader who comes back skips hashing. Usable only while its key is current.
struct visitor_memo {
    visitor_key key;
    dated_hash hash;
};

// Turns a reader's coarse client data into a 64-bit hash that is stable for one local day and
// unlinkable across days (issue 12, DESIGN.md "Privacy"): SipHash-2-4 (libsodium crypto_shorthash,
// a keyed pseudorandom function made for short inputs, 8-byte output; a tenth of keyed BLAKE2b's
// cost on the read path) with a 128-bit random salt as its key that lives only in this object's
// memory: never written, logged or returned. Each call copies it to its own stack and wipes the
// copy before returning; the salt itself is overwritten in place when the
// day ends and wiped with sodium_memzero on destruction. A restart draws a new salt, so a reader
// seen both before and after a restart on the same day counts as two readers that day.
//
// Hash input: one tag byte, then the address truncated to its network (IPv4: the /24, 3 bytes;
// IPv6: the /48, 6 bytes, scope id dropped; IPv4-mapped IPv6 "::ffff:a.b.c.d" is taken as the
// IPv4), then the user-agent's length (8 bytes, little-endian) and its bytes. Text that does not
// parse as a bare address (a port, brackets, garbage) is hashed whole under its own tag with a
// length prefix, so it can only match the same text, never a parsed address.
//
// The salt is replaced on the first call at or after the next local midnight in the site's zone
// (tzdata rules, so a 23- or 25-hour day on a DST change is right; where midnight is skipped, the
// first instant after the gap). A clock that steps back never brings an old salt back.
//
// Thread-safe. The common path takes no lock: one atomic load of the expiry, then a seqlock read of
// the salt (a sequence number around relaxed atomic words, retried only if a rotation overlapped).
// Rotation, once a day, draws the new salt under a mutex so two callers do not both rotate.
class visitor_hasher {
public:
    // Throws std::runtime_error if libsodium cannot start.
    visitor_hasher(util::clock const& clock, schedule::zone site_zone);
    ~visitor_hasher();
    visitor_hasher(visitor_hasher const&) = delete;
    visitor_hasher& operator=(visitor_hasher const&) = delete;

    // The hash of (salt, truncated address, user-agent); `client_address` is a bare address as the
    // trusted-proxy rule produced it ("203.0.113.7", "2001:db8::1"); any other text is hashed whole
    // (see above), never refused.
    std::uint64_t hash(std::string_view client_address, std::string_view user_agent);
    std::uint64_t hash(boost::asio::ip::address const& client, std::string_view user_agent);

    // The same, with the local date the salt belongs to, read together so a rotation between two
    // calls cannot put a hash in the wrong day's rollup.
    dated_hash hash_dated(std::string_view client_address, std::string_view user_agent);
    dated_hash hash_dated(boost::asio::ip::address const& client, std::string_view user_agent);
    // The key a hash of `client` is made under at `at` (rotating the salt first if that is past
    // midnight): `at` is a reading of this hasher's clock, such as the request's arrival; the
    // default reads the clock now.
    visitor_key key_of(boost::asio::ip::address const& client, util::clock::time_point at = {});

    // The same, answered from `memo` when it holds this network's hash under the current salt, and
    // left holding it otherwise. The caller keeps one memo per user-agent: `user_agent` must be the
    // one every earlier call with this memo passed (the memo does not hold it).
    // `at` as for key_of: the hash is made under the salt current at that time.
    dated_hash hash_dated(boost::asio::ip::address const& client, std::string_view user_agent, visitor_memo& memo,
                          util::clock::time_point at = {});

    // The local date (site zone) of the current salt, rotating first if midnight has passed.
    std::chrono::year_month_day day(util::clock::time_point at = {}); // `at` as for key_of

private:
    static constexpr std::size_t salt_words = 2; // 16 bytes: crypto_shorthash_KEYBYTES

    struct salt_copy;
    // Rotates the salt if `at` (the epoch: the clock now) is past the current day's end.
    void refresh(util::clock::time_point at = {});
    void rotate(util::clock::time_point now);
    // Copies the salt; returns its local date, and its sequence number through `sequence`.
    std::chrono::sys_days read(salt_copy& out, std::uint64_t& sequence) const;
    // SipHash-2-4 of (tag, network bytes or the unparsed text, user-agent) keyed with the current salt,
    // whose sequence number it stores in `sequence` when given.
    dated_hash digest(unsigned char tag, std::string_view network, std::string_view ua,
                      std::uint64_t* sequence = nullptr, util::clock::time_point at = {});

    util::clock const& clock_;
    schedule::zone zone_;
    std::uint64_t id_; // tells this hasher's keys from another's
    std::atomic<util::clock::time_point::rep> expiry_{0}; // the next local midnight, as clock ticks
    std::atomic<std::uint64_t> sequence_{0};              // odd while a rotation writes the salt
    std::array<std::atomic<std::uint64_t>, salt_words> salt_{};
    std::atomic<std::int32_t> day_{0}; // days since 1970-01-01 of the salt's local date
    std::mutex rotating_;
};

} // namespace farol::metrics
