#pragma once
#include <stdexcept>

namespace farol::store {

// Anything the store cannot do (open, migrate, back up); the message names the file and the step.
class store_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace farol::store
