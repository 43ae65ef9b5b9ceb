#include "partners/registry.hpp"

#include <algorithm>

namespace farol::partners {

namespace {

std::shared_ptr<partner_set const> sorted(partner_set s) {
    std::sort(s.partners.begin(), s.partners.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
    return std::make_shared<partner_set const>(std::move(s));
}

} // namespace

registry::registry() : set_(std::make_shared<partner_set const>()) {}

registry::registry(partner_set initial) : set_(sorted(std::move(initial))) {}

std::shared_ptr<partner_set const> registry::current() const { return set_.load(std::memory_order_acquire); }

void registry::replace(partner_set next) { set_.store(sorted(std::move(next)), std::memory_order_release); }

void registry::reload(std::function<partner_set()> const& load) {
    std::lock_guard lock(reload_mutex_);
    replace(load());
}

} // namespace farol::partners
