// "Add to calendar" links for web calendars that take an event in their URL (Google,
// Outlook.com, Microsoft 365). The .ics file is the server's; these only prefill a form.

export interface CalendarEvent {
  title: string;
  start: string; // RFC 3339
  end: string;
  details: string;
  location: string;
}

const compact = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const utc = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}/, '');

export function googleCalendarUrl(e: CalendarEvent): string {
  const q = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${compact(e.start)}/${compact(e.end)}`,
    details: e.details,
    location: e.location,
  });
  return `https://calendar.google.com/calendar/render?${q}`;
}

function outlook(host: string, e: CalendarEvent): string {
  const q = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: utc(e.start),
    enddt: utc(e.end),
    body: e.details,
    location: e.location,
  });
  return `https://${host}/calendar/0/deeplink/compose?${q}`;
}

export const outlookComUrl = (e: CalendarEvent) => outlook('outlook.live.com', e);
export const office365Url = (e: CalendarEvent) => outlook('outlook.office.com', e);
