#pragma once
// Names every store role header shares: the domain types it speaks in and who makes a change.
#include <string>

#include "core/model.hpp"
#include "core/result.hpp"

namespace visitd::store {

using core::Id;
using core::Instant;
using core::Interval;
using core::Result;
using core::Status;

struct Actor {       // who makes a change, for the audit log
  std::string name;  // "user:<id>", "token:<id>", "consumer", "system"
};

}  // namespace visitd::store
