#pragma once
// The one temp_dir of the tests lives in support/.
#include "support/temp_dir.hpp"
