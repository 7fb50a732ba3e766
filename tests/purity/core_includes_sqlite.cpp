// Must NOT compile with core's flags: SQLite's API names are poisoned in core.
#include <sqlite3.h>
