// Test tool: reads an iCalendar text on stdin, parses it with libical and prints its VEVENTs
// as a JSON array (uid, sequence, status, transp, start/end as UTC unix seconds, dtstamp,
// summary, url), or exits 1 when libical finds no VCALENDAR. The integration tests read the
// served calendar feed through it, beside Mozilla's ical.js.
#include <libical/ical.h>

#include <boost/json.hpp>
#include <iostream>
#include <iterator>
#include <string>

namespace {

long long unix_of(icaltimetype t) {
  return static_cast<long long>(icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone()));
}

std::string text_or_empty(const char* s) { return s ? s : ""; }

}  // namespace

int main() {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  if (cal == nullptr || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) return 1;
  boost::json::array events;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != nullptr;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    boost::json::object o;
    o["uid"] = text_or_empty(icalcomponent_get_uid(ev));
    icalproperty* seq = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
    o["sequence"] = seq ? icalproperty_get_sequence(seq) : 0;
    icalproperty* status = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
    o["status"] = status ? text_or_empty(icalproperty_status_to_string(icalproperty_get_status(status))) : "";
    icalproperty* transp = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY);
    o["transp"] = !transp ? "" : icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT ? "TRANSPARENT" : "OPAQUE";
    o["start"] = unix_of(icalcomponent_get_dtstart(ev));
    o["end"] = unix_of(icalcomponent_get_dtend(ev));
    o["dtstamp"] = unix_of(icalcomponent_get_dtstamp(ev));
    o["summary"] = text_or_empty(icalcomponent_get_summary(ev));
    icalproperty* url = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
    o["url"] = url ? text_or_empty(icalproperty_get_url(url)) : "";
    events.push_back(std::move(o));
  }
  icalcomponent_free(cal);
  std::cout << boost::json::serialize(events) << "\n";
  return 0;
}
