#pragma once
// The contract suite's PostgreSQL backend: a fresh database per test on the server the run
// started (VISITD_TEST_POSTGRES_URL), dropped when the test ends. store_tests only.
#include <memory>
#include <string>

#include "store_fixture.hpp"

namespace visitd::store::testing {

class PostgresBackend final : public StoreBackend {
 public:
  PostgresBackend();            // CREATE DATABASE; throws std::runtime_error when the server is unreachable
  ~PostgresBackend() override;  // DROP DATABASE ... WITH (FORCE)
  std::unique_ptr<Store> open(Clock clock, std::shared_ptr<core::IdGenerator> ids) override;
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  std::string server_;
  std::string name_;
  std::string url_;
};

}  // namespace visitd::store::testing
