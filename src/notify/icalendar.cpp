#include "notify/icalendar.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace visitd::notify {
namespace {

icaltimetype utc(core::Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

// CN is a parameter value: no quotes or control characters, whatever a consumer typed.
std::string parameter_safe(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == '"' || c == 0x7f; }),
          s.end());
  return s;
}

icalproperty* with_cn(icalproperty* p, const std::string& name) {
  if (!name.empty()) icalproperty_add_parameter(p, icalparameter_new_cn(parameter_safe(name).c_str()));
  return p;
}

icalcomponent* event_of(const Invite& in) {
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(in.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(in.sequence));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(in.stamp)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(utc(in.time.begin)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(utc(in.time.end)));
  icalcomponent_add_property(ev, icalproperty_new_summary(in.summary.c_str()));
  std::string description = in.description;
  if (!in.join_url.empty()) description += (description.empty() ? "" : "\n\n") + std::string("Join: ") + in.join_url;
  icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
  if (!in.join_url.empty()) {
    icalcomponent_add_property(ev, icalproperty_new_url(in.join_url.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_location(in.join_url.c_str()));
  }
  icalcomponent_add_property(ev, icalproperty_new_status(in.cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
  if (!in.organizer_email.empty()) {
    icalcomponent_add_property(
        ev, with_cn(icalproperty_new_organizer(("mailto:" + in.organizer_email).c_str()), in.organizer_name));
  }
  if (!in.attendee_email.empty()) {
    icalproperty* att = with_cn(icalproperty_new_attendee(("mailto:" + in.attendee_email).c_str()), in.attendee_name);
    icalproperty_add_parameter(att, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(att,
                               icalparameter_new_partstat(in.cancel ? ICAL_PARTSTAT_DECLINED : ICAL_PARTSTAT_ACCEPTED));
    icalcomponent_add_property(ev, att);
  }
  return ev;
}

using Calendar = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

Calendar new_calendar() {
  Calendar cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT), icalcomponent_free);
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//visitd//visitd appointments//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  return cal;
}

std::string text_of(const Calendar& cal) {
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace

std::string build_invite(const Invite& in) {
  Calendar cal = new_calendar();
  icalcomponent_add_property(cal.get(), icalproperty_new_method(in.cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST));
  icalcomponent_add_component(cal.get(), event_of(in));
  return text_of(cal);
}

std::string build_feed(const std::string& name, const std::vector<Invite>& events, int refresh_minutes) {
  Calendar cal = new_calendar();
  // No METHOD: a subscribed calendar is a published snapshot, not a scheduling message.
  icalcomponent_add_property(cal.get(), icalproperty_new_name(name.c_str()));
  icalproperty* wr_name = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(wr_name, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), wr_name);
  struct icaldurationtype every = icaldurationtype_null_duration();
  every.minutes = static_cast<unsigned int>(refresh_minutes);
  icalcomponent_add_property(cal.get(), icalproperty_new_refreshinterval(every));
  const std::string ttl = "PT" + std::to_string(refresh_minutes) + "M";
  icalproperty* published_ttl = icalproperty_new_x(ttl.c_str());
  icalproperty_set_x_name(published_ttl, "X-PUBLISHED-TTL");
  icalcomponent_add_property(cal.get(), published_ttl);
  for (const auto& e : events) {
    icalcomponent* ev = event_of(e);
    // A cancelled appointment in the feed no longer takes the time (RFC 5545 3.8.2.7).
    if (e.cancel)
      icalproperty_set_transp(icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY), ICAL_TRANSP_TRANSPARENT);
    icalcomponent_add_component(cal.get(), ev);
  }
  return text_of(cal);
}

}  // namespace visitd::notify
