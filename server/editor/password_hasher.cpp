#include "editor/password_hasher.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <utility>

namespace farol::editor {

namespace {

using hash_buffer = std::array<char, crypto_pwhash_STRBYTES>;

// libsodium reads a stored hash as a NUL-terminated string of at most STRBYTES - 1 characters.
std::optional<hash_buffer> terminated(std::string_view stored_hash) {
    if (stored_hash.size() >= crypto_pwhash_STRBYTES || stored_hash.find('\0') != std::string_view::npos)
        return std::nullopt;
    hash_buffer out{};
    stored_hash.copy(out.data(), stored_hash.size());
    return out;
}

std::string argon2id(std::string_view password, hasher_limits const& limits) {
    hash_buffer out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), limits.opslimit, limits.memlimit) != 0)
        throw std::runtime_error("argon2id could not hash (out of memory?)");
    return out.data();
}

void check_limits(hasher_limits const& l) {
    if (l.opslimit < crypto_pwhash_OPSLIMIT_MIN || l.opslimit > crypto_pwhash_OPSLIMIT_MAX)
        throw std::invalid_argument("password hasher: opslimit out of libsodium's range");
    if (l.memlimit < crypto_pwhash_MEMLIMIT_MIN || l.memlimit > crypto_pwhash_MEMLIMIT_MAX)
        throw std::invalid_argument("password hasher: memlimit out of libsodium's range");
    if (l.concurrent == 0) throw std::invalid_argument("password hasher: concurrent must be at least 1");
}

} // namespace

hasher_limits interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

// Holds one of the `concurrent` slots for its lifetime.
class password_hasher::slot {
public:
    explicit slot(password_hasher& h) : hasher_(h), taken_(h.acquire()) {
        if (!taken_ || !hasher_.in_slot_) return;
        try {
            hasher_.in_slot_();
        } catch (...) {
            hasher_.release(); // the destructor will not run for a constructor that throws
            throw;
        }
    }
    ~slot() {
        if (taken_) hasher_.release();
    }
    slot(slot const&) = delete;
    slot& operator=(slot const&) = delete;
    explicit operator bool() const { return taken_; }

private:
    password_hasher& hasher_;
    bool taken_;
};

password_hasher::password_hasher(hasher_limits limits, std::function<void()> in_slot)
    : limits_(limits), in_slot_(std::move(in_slot)) {
    check_limits(limits_);
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    // A secret nobody knows, so the decoy never matches whatever is typed.
    std::array<unsigned char, 32> secret{};
    randombytes_buf(secret.data(), secret.size());
    decoy_ = argon2id({reinterpret_cast<char const*>(secret.data()), secret.size()}, limits_);
}

std::optional<std::string> password_hasher::hash(std::string_view password) {
    slot s(*this);
    if (!s) return std::nullopt;
    return argon2id(password, limits_);
}

password_hasher::verified password_hasher::verify(std::string_view stored_hash, std::string_view password) {
    slot s(*this);
    if (!s) return {outcome::busy, false};
    auto const stored = terminated(stored_hash);
    // -1 for anything that is not an argon2i/argon2id string; 1 for other limits or argon2i.
    int const rehash = stored ? crypto_pwhash_str_needs_rehash(stored->data(), limits_.opslimit, limits_.memlimit) : -1;
    if (rehash < 0) {
        matches(decoy_, password);
        return {outcome::mismatch, false};
    }
    if (!matches(stored_hash, password)) return {outcome::mismatch, false};
    return {outcome::ok, rehash != 0};
}

password_hasher::verified password_hasher::verify_unknown(std::string_view password) {
    slot s(*this);
    if (!s) return {outcome::busy, false};
    matches(decoy_, password);
    return {outcome::mismatch, false};
}

bool password_hasher::matches(std::string_view stored_hash, std::string_view password) const {
    auto const stored = terminated(stored_hash);
    return stored && crypto_pwhash_str_verify(stored->data(), password.data(), password.size()) == 0;
}

bool password_hasher::acquire() {
    std::unique_lock lock(mutex_);
    if (running_ < limits_.concurrent && waiting_ == 0) {
        ++running_;
        return true;
    }
    if (waiting_ >= limits_.queue) return false;
    auto const ticket = next_ticket_++;
    ++waiting_;
    freed_.wait(lock, [&] { return running_ < limits_.concurrent && serving_ == ticket; });
    ++serving_;
    --waiting_;
    ++running_;
    // Another slot may be free too; the next ticket may have looked before this one moved on.
    if (running_ < limits_.concurrent && waiting_ > 0) freed_.notify_all();
    return true;
}

void password_hasher::release() {
    {
        std::lock_guard lock(mutex_);
        --running_;
    }
    freed_.notify_all();
}

unsigned password_hasher::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

unsigned password_hasher::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

} // namespace farol::editor
