#include "metrics/visitor_hash.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

namespace farol::metrics {

namespace chr = std::chrono;
namespace ip = boost::asio::ip;

static_assert(sizeof(std::atomic<std::uint64_t>) == sizeof(std::uint64_t) &&
              std::atomic<std::uint64_t>::is_always_lock_free);

// The seqlock reader's private copy of the salt, wiped however hash() leaves.
struct visitor_hasher::salt_copy {
    std::array<std::uint64_t, salt_words> words{};
    static_assert(sizeof(words) == crypto_shorthash_KEYBYTES);
    ~salt_copy() { sodium_memzero(words.data(), sizeof words); }
    unsigned char const* bytes() const { return reinterpret_cast<unsigned char const*>(words.data()); }
};

namespace {

enum tag : unsigned char { tag_raw = 0, tag_v4 = 4, tag_v6 = 6 };

std::atomic<std::uint64_t> next_hasher_id{1};

// The address's network as hashed: the family tag, then the IPv4 /24 (3 bytes) or IPv6 /48 (6 bytes).
struct network {
    unsigned char tag = tag_v4;
    std::array<unsigned char, 6> bytes{};
    std::size_t size = 0;
    std::string_view view() const { return {reinterpret_cast<char const*>(bytes.data()), size}; }
};

bool is_plain_v6(ip::address const& client) { return client.is_v6() && !client.to_v6().is_v4_mapped(); }

ip::address_v4 v4_of(ip::address const& client) {
    return client.is_v4() ? client.to_v4() : ip::make_address_v4(ip::v4_mapped, client.to_v6());
}

network network_of(ip::address const& client) {
    network n;
    if (is_plain_v6(client)) {
        auto const b = client.to_v6().to_bytes();
        n.tag = tag_v6;
        n.size = 6;
        std::copy_n(b.begin(), 6, n.bytes.begin());
        return n;
    }
    auto const b = v4_of(client).to_bytes();
    n.size = 3;
    std::copy_n(b.begin(), 3, n.bytes.begin());
    return n;
}

// The same network in one word (tag, then the bytes, zero-padded to 6): what a visitor_key holds.
std::uint64_t packed_network(ip::address const& client) {
    if (client.is_v4()) return std::uint64_t{tag_v4} << 48 | std::uint64_t{client.to_v4().to_uint() >> 8} << 24;
    if (!is_plain_v6(client)) return std::uint64_t{tag_v4} << 48 | std::uint64_t{v4_of(client).to_uint() >> 8} << 24;
    auto const b = client.to_v6().to_bytes();
    std::uint64_t v = tag_v6;
    for (std::size_t i = 0; i < 6; ++i) v = (v << 8) | b[i];
    return v;
}

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

// The hash input in one piece (SipHash takes it whole): on the stack unless the user-agent is
// unusually long.
class message {
public:
    void add(void const* bytes, std::size_t n) {
        auto const* in = static_cast<unsigned char const*>(bytes);
        if (large_.empty() && size_ + n <= small_.size()) {
            std::copy_n(in, n, small_.begin() + static_cast<std::ptrdiff_t>(size_));
        } else {
            if (large_.empty()) large_.assign(small_.begin(), small_.begin() + static_cast<std::ptrdiff_t>(size_));
            large_.insert(large_.end(), in, in + n);
        }
        size_ += n;
    }
    void add_sized(std::string_view text) { // lengths make (a, bc) and (ab, c) different inputs
        unsigned char size[8];
        put_le64(size, text.size());
        add(size, sizeof size);
        add(text.data(), text.size());
    }
    unsigned char const* data() const { return large_.empty() ? small_.data() : large_.data(); }
    std::size_t size() const { return size_; }
    // The network and user-agent are not left behind in freed or reused memory.
    ~message() {
        sodium_memzero(small_.data(), std::min(size_, small_.size()));
        if (!large_.empty()) sodium_memzero(large_.data(), large_.size());
    }

private:
    std::array<unsigned char, 512> small_;
    std::vector<unsigned char> large_;
    std::size_t size_ = 0;
};

} // namespace

visitor_hasher::visitor_hasher(util::clock const& clock, schedule::zone site_zone)
    : clock_(clock), zone_(site_zone), id_(next_hasher_id.fetch_add(1, std::memory_order_relaxed)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    expiry_.store(std::numeric_limits<util::clock::time_point::rep>::min());
    rotate(clock_.now());
}

visitor_hasher::~visitor_hasher() {
    // No reader can be left once the owner destroys us, so plain byte access is race-free here.
    sodium_memzero(static_cast<void*>(salt_.data()), sizeof salt_);
}

void visitor_hasher::refresh(util::clock::time_point at) {
    auto const now = at == util::clock::time_point{} ? clock_.now() : at;
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

chr::sys_days visitor_hasher::read(salt_copy& out, std::uint64_t& sequence) const {
    for (unsigned spins = 0;; ++spins) {
        auto const before = sequence_.load(std::memory_order_acquire);
        if ((before & 1) == 0) {
            for (std::size_t i = 0; i < salt_words; ++i) out.words[i] = salt_[i].load(std::memory_order_relaxed);
            auto const day = day_.load(std::memory_order_relaxed);
            std::atomic_thread_fence(std::memory_order_acquire);
            if (sequence_.load(std::memory_order_relaxed) == before) {
                sequence = before;
                return chr::sys_days(chr::days(day));
            }
        }
        if (spins > 64) std::this_thread::yield(); // the rotating thread was preempted mid-write
    }
}

dated_hash visitor_hasher::digest(unsigned char tag, std::string_view network, std::string_view ua,
                                  std::uint64_t* sequence, util::clock::time_point at) {
    refresh(at);
    salt_copy key;
    std::uint64_t used = 0;
    auto const day = read(key, used);
    if (sequence) *sequence = used;
    message m;
    m.add(&tag, 1);
    if (tag == tag_raw) m.add_sized(network); // unparsed text varies in length: prefix it
    else m.add(network.data(), network.size());
    m.add_sized(ua);
    unsigned char out[crypto_shorthash_BYTES];
    static_assert(sizeof out == 8);
    crypto_shorthash(out, m.data(), m.size(), key.bytes());
    sodium_stackzero(512); // SipHash's state is invertible: with the input it would give the key back
    return {get_le64(out), chr::year_month_day(day)};
}

dated_hash visitor_hasher::hash_dated(ip::address const& client, std::string_view user_agent) {
    auto const n = network_of(client);
    return digest(n.tag, n.view(), user_agent);
}

visitor_key visitor_hasher::key_of(ip::address const& client, util::clock::time_point at) {
    refresh(at);
    auto const sequence = sequence_.load(std::memory_order_acquire);
    // While a rotation writes, no key: the caller hashes, and read() waits for the new salt.
    return (sequence & 1) ? visitor_key{} : visitor_key{id_, sequence, packed_network(client)};
}

dated_hash visitor_hasher::hash_dated(ip::address const& client, std::string_view user_agent, visitor_memo& memo,
                                      util::clock::time_point at) {
    auto const key = key_of(client, at);
    if (key.hasher != 0 && memo.key == key) return memo.hash;
    auto const n = network_of(client);
    std::uint64_t sequence = 0;
    auto const h = digest(n.tag, n.view(), user_agent, &sequence, at);
    memo = {{id_, sequence, packed_network(client)}, h};
    return h;
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

chr::year_month_day visitor_hasher::day(util::clock::time_point at) {
    refresh(at);
    return chr::year_month_day(chr::sys_days(chr::days(day_.load(std::memory_order_acquire))));
}

} // namespace farol::metrics
