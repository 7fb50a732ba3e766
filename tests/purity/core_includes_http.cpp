// Must NOT compile with core's flags: http headers are outside core's include root.
#include "http/problem.hpp"
