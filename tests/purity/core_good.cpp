// Compiles with core's flags: the control that proves the purity check's flags work.
#include "core/slot_engine.hpp"
int main() { return 0; }
