#pragma once
// Store-private: the slots and their entries as the library loads them.
#include "content/model.hpp"
#include "store/connection.hpp"

#include <vector>

namespace farol::store {

// Every slot by name with its entries by id (entries of archived campaigns included: the
// schedule's expansion skips campaigns the library lacks).
std::vector<content::rotation_slot> load_slots(connection& c);

} // namespace farol::store
