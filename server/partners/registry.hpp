#pragma once
#include "partners/partner.hpp"

#include <atomic>
#include <memory>

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

private:
    std::atomic<std::shared_ptr<partner_set const>> set_;
};

} // namespace farol::partners
