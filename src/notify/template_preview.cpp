#include "notify/template_preview.hpp"

#include "notify/compose.hpp"
#include "wire/names.hpp"

namespace visitd::notify {

core::Result<RenderedMessage> preview_template(const core::Business& business, core::MessageKind kind,
                                               core::Channel channel, const TemplateSet& t, core::Instant now) {
  TemplateSet set = default_templates(kind, channel);
  if (!t.subject.empty()) set.subject = t.subject;
  if (!t.text.empty()) set.text = t.text;
  if (!t.html.empty()) set.html = t.html;
  const core::Zone zone = core::Zone::find(business.zone).value_or(*core::Zone::find("UTC"));
  const core::Instant start = zone.resolve(zone.local_date(now + core::Seconds(2 * 86400)), 9 * 60);
  const core::Instant end = start + core::Seconds(30 * 60);
  // The names compose() fills in (notify/compose.cpp), for a consumer's message.
  TemplateValues v;
  v["recipientName"] = "Sam Lee";
  v["businessName"] = business.name;
  v["serviceName"] = "Check-up";
  v["providerName"] = "Dr. Tess Ting";
  v["start"] = format_local_long(start, zone);
  v["endTime"] = format_local_time(end, zone);
  v["timeZone"] = zone.name();
  v["startUtc"] = core::format_rfc3339_utc(start);
  v["kind"] = wire::name(kind);
  const std::string base = "https://visitd.example";
  if (kind == core::MessageKind::cancellation) {
    v["reason"] = "the provider is ill";
    v["bookUrl"] = base + "/b/" + business.slug;
  } else {
    v["manageUrl"] = base + "/manage/sample";
    v["joinUrl"] = base + "/join/sample";
  }
  if (kind == core::MessageKind::reschedule) v["timeChanged"] = "yes";
  return render(set, v);
}

}  // namespace visitd::notify
