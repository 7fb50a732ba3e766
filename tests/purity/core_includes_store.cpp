// Must NOT compile with core's flags: store headers are outside core's include root.
#include "store/store.hpp"
