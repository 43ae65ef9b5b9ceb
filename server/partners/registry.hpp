#pragma once
#include "partners/partner.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace farol::partners {

// The current partner_set, swapped whole when an admin changes a partner. current() is one atomic
// load (embeds, the beacon and the reach recorder read it on io threads); replace() is rare.
class registry {
public:
    registry();
    explicit registry(partner_set initial);
    registry(registry const&) = delete;
    registry& operator=(registry const&) = delete;

    std::shared_ptr<partner_set const> current() const;
    void replace(partner_set next); // sorts by id
    // Replaces the set with what `load` reads (from the store), one reload at a time so an older read
    // never replaces a newer one. Exceptions from `load` pass through and leave the set as it was.
    void reload(std::function<partner_set()> const& load);

private:
    std::atomic<std::shared_ptr<partner_set const>> set_;
    std::mutex reload_mutex_;
};

} // namespace farol::partners
