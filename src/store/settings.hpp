#pragma once
// Store role: the schema and a small key/value table for instance-wide settings.
#include <optional>
#include <string>

#include "store/actor.hpp"

namespace visitd::store {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;

  // Applies pending numbered migrations in order, each in its own transaction.
  // internal error naming the migration when one fails (nothing of it is kept).
  virtual Status migrate() = 0;
  virtual int schema_version() = 0;  // highest applied migration; 0 on an empty database
  virtual bool healthy() = 0;        // a trivial query succeeds

  // Key/value settings (e.g. the generated link-signing secret).
  virtual std::optional<std::string> get_setting(const std::string& key) = 0;
  // Sets only when absent; returns the value now stored (first writer wins, also across
  // processes on one database).
  virtual std::string put_setting_if_absent(const std::string& key, const std::string& value) = 0;
};

}  // namespace visitd::store
