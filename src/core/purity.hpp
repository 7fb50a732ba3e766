#pragma once
// Force-included into every core translation unit (CMakeLists.txt): core decides, it does no
// I/O. Its include root holds only core/ (so "store/...", "http/...", "live/..." cannot be
// found), and the names of the I/O libraries on this system are poisoned, so a core file that
// pulls in Asio/Beast, SQLite, libpq or libcurl fails to compile instead of quietly linking.
#pragma GCC poison asio beast sqlite3 PGconn CURL
