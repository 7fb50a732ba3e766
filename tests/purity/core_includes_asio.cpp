// Must NOT compile with core's flags: Asio is a system header, stopped by the poisoned names.
#include <boost/asio/io_context.hpp>
