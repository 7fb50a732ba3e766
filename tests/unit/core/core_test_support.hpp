#pragma once
// Small builders shared by the core tests: readable instants, providers with weekly
// hours, and slot starts printed as wall-clock times in a zone.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/slot_engine.hpp"
#include "core/time.hpp"

namespace visitd::core::testing {

inline Instant at(std::string_view rfc3339) {
  auto t = parse_rfc3339(rfc3339);
  if (!t) throw std::invalid_argument("bad test instant: " + std::string(rfc3339));
  return *t;
}

inline LocalDate day(std::string_view yyyy_mm_dd) {
  auto d = parse_date(yyyy_mm_dd);
  if (!d) throw std::invalid_argument("bad test date: " + std::string(yyyy_mm_dd));
  return *d;
}

inline Zone zone(std::string_view name) {
  auto z = Zone::find(name);
  if (!z) throw std::invalid_argument("unknown test zone: " + std::string(name));
  return *z;
}

inline TimeRange hours(std::string_view from, std::string_view to) {
  return {*parse_time_of_day(from), *parse_time_of_day(to)};
}

// A provider open on every weekday with the same ranges.
inline Provider provider(std::string id, std::string zone_name, std::vector<TimeRange> daily) {
  Provider p;
  p.id = std::move(id);
  p.business_id = "biz";
  p.name = "Provider " + p.id;
  p.zone = std::move(zone_name);
  for (auto& d : p.weekly) d = daily;
  return p;
}

inline Service service(int duration, int interval) {
  Service s;
  s.id = "svc";
  s.business_id = "biz";
  s.name = "Consultation";
  s.duration_minutes = duration;
  s.slot_interval_minutes = interval;
  s.booking_window_days = 730;
  return s;
}

inline BusyBooking busy(std::string service_id, Interval time, Interval block, std::string id = "bk") {
  return BusyBooking{std::move(service_id), time, block, std::move(id)};
}

// Slot starts as "HH:MM" wall times in the zone.
inline std::vector<std::string> local_starts(const std::vector<Slot>& slots, const Zone& z) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(format_time_of_day(z.local_minute(s.time.begin)));
  return out;
}

inline std::vector<std::string> rfc_starts(const std::vector<Slot>& slots, const Zone& z) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(format_rfc3339(s.time.begin, z));
  return out;
}

}  // namespace visitd::core::testing
