#include "metrics/visitor_hash.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <thread>

namespace farol::metrics {

namespace chr = std::chrono;
namespace ip = boost::asio::ip;

static_assert(sizeof(std::atomic<std::uint64_t>) == sizeof(std::uint64_t) &&
              std::atomic<std::uint64_t>::is_always_lock_free);

// The seqlock reader's private copy of the salt, wiped however hash() leaves.
struct visitor_hasher::salt_copy {
    std::array<std::uint64_t, salt_words> words{};
    static_assert(sizeof(words) == crypto_generichash_KEYBYTES);
    ~salt_copy() { sodium_memzero(words.data(), sizeof words); }
    unsigned char const* bytes() const { return reinterpret_cast<unsigned char const*>(words.data()); }
};

namespace {

enum tag : unsigned char { tag_raw = 0, tag_v4 = 4, tag_v6 = 6 };

// The local day `now` falls in, and the instant it ends: the next local midnight by the zone's
// rules (a skipped midnight resolves to the end of the gap, a repeated one to its first reading).
struct local_day {
    chr::sys_days date;
    util::clock::time_point ends;
};

local_day day_at(schedule::zone const& z, util::clock::time_point now) {
    auto const t = chr::floor<chr::seconds>(now);
    auto const today = chr::floor<chr::days>(schedule::to_local(z, schedule::instant(t)).wall);
    auto const next = schedule::to_utc(z, schedule::wall_time(today + chr::days(1)));
    // Midnight is always after now; the max only guards against a tzdata oddity looping rotation.
    auto const ends = std::max(util::clock::time_point(next.earlier), util::clock::time_point(t + chr::seconds(1)));
    return {chr::sys_days(today.time_since_epoch()), ends};
}

void put_le64(unsigned char* out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(v >> (8 * i));
}

std::uint64_t get_le64(unsigned char const* in) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | in[i];
    return v;
}

void update(crypto_generichash_state& st, void const* bytes, std::size_t n) {
    crypto_generichash_update(&st, static_cast<unsigned char const*>(bytes), n);
}

void update_sized(crypto_generichash_state& st, std::string_view text) {
    unsigned char size[8];
    put_le64(size, text.size());
    update(st, size, sizeof size);
    update(st, text.data(), text.size());
}

} // namespace

visitor_hasher::visitor_hasher(util::clock const& clock, schedule::zone site_zone)
    : clock_(clock), zone_(site_zone) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    expiry_.store(std::numeric_limits<util::clock::time_point::rep>::min());
    rotate(clock_.now());
}

visitor_hasher::~visitor_hasher() {
    // No reader can be left once the owner destroys us, so plain byte access is race-free here.
    sodium_memzero(static_cast<void*>(salt_.data()), sizeof salt_);
}

void visitor_hasher::refresh() {
    auto const now = clock_.now();
    if (now.time_since_epoch().count() >= expiry_.load(std::memory_order_acquire)) rotate(now);
}

void visitor_hasher::rotate(util::clock::time_point now) {
    std::lock_guard lock(rotating_);
    if (now.time_since_epoch().count() < expiry_.load(std::memory_order_acquire)) return; // done by another caller
    auto const day = day_at(zone_, now);
    salt_copy fresh;
    randombytes_buf(fresh.words.data(), sizeof fresh.words);
    // Seqlock write (Boehm, "Can seqlocks get along with programming language memory models?").
    auto const seq = sequence_.load(std::memory_order_relaxed);
    sequence_.store(seq + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    for (std::size_t i = 0; i < salt_words; ++i) salt_[i].store(fresh.words[i], std::memory_order_relaxed);
    day_.store(static_cast<std::int32_t>(day.date.time_since_epoch().count()), std::memory_order_relaxed);
    sequence_.store(seq + 2, std::memory_order_release);
    expiry_.store(day.ends.time_since_epoch().count(), std::memory_order_release);
}

chr::sys_days visitor_hasher::read(salt_copy& out) const {
    for (unsigned spins = 0;; ++spins) {
        auto const before = sequence_.load(std::memory_order_acquire);
        if ((before & 1) == 0) {
            for (std::size_t i = 0; i < salt_words; ++i) out.words[i] = salt_[i].load(std::memory_order_relaxed);
            auto const day = day_.load(std::memory_order_relaxed);
            std::atomic_thread_fence(std::memory_order_acquire);
            if (sequence_.load(std::memory_order_relaxed) == before) return chr::sys_days(chr::days(day));
        }
        if (spins > 64) std::this_thread::yield(); // the rotating thread was preempted mid-write
    }
}

dated_hash visitor_hasher::digest(unsigned char tag, std::string_view network, std::string_view ua) {
    refresh();
    salt_copy key;
    auto const day = read(key);
    crypto_generichash_state st;
    crypto_generichash_init(&st, key.bytes(), crypto_generichash_KEYBYTES, 8);
    update(st, &tag, 1);
    if (tag == tag_raw) update_sized(st, network); // unparsed text varies in length: prefix it
    else update(st, network.data(), network.size());
    update_sized(st, ua);
    unsigned char out[8];
    crypto_generichash_final(&st, out, sizeof out);
    sodium_memzero(&st, sizeof st); // the state holds key-derived chaining values
    return {get_le64(out), chr::year_month_day(day)};
}

dated_hash visitor_hasher::hash_dated(ip::address const& client, std::string_view user_agent) {
    if (client.is_v6() && !client.to_v6().is_v4_mapped()) {
        auto const b = client.to_v6().to_bytes();
        return digest(tag_v6, {reinterpret_cast<char const*>(b.data()), 6}, user_agent); // the /48
    }
    auto const v4 = client.is_v4() ? client.to_v4() : ip::make_address_v4(ip::v4_mapped, client.to_v6());
    auto const b = v4.to_bytes();
    return digest(tag_v4, {reinterpret_cast<char const*>(b.data()), 3}, user_agent); // the /24
}

dated_hash visitor_hasher::hash_dated(std::string_view client_address, std::string_view user_agent) {
    // Parsed from a stack copy: make_address(string_view) would allocate for every IPv6 text.
    char text[64];
    if (client_address.size() < sizeof text && client_address.find('\0') == std::string_view::npos) {
        std::memcpy(text, client_address.data(), client_address.size());
        text[client_address.size()] = '\0';
        boost::system::error_code ec;
        auto const a = ip::make_address(text, ec);
        if (!ec) return hash_dated(a, user_agent);
    }
    return digest(tag_raw, client_address, user_agent);
}

std::uint64_t visitor_hasher::hash(std::string_view client_address, std::string_view user_agent) {
    return hash_dated(client_address, user_agent).value;
}

std::uint64_t visitor_hasher::hash(ip::address const& client, std::string_view user_agent) {
    return hash_dated(client, user_agent).value;
}

chr::year_month_day visitor_hasher::day() {
    refresh();
    return chr::year_month_day(chr::sys_days(chr::days(day_.load(std::memory_order_acquire))));
}

} // namespace farol::metrics
