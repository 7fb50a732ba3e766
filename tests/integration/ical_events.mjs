// Test tool: reads an iCalendar text on stdin, parses it with Mozilla's ical.js (web/'s
// devDependency) and prints its VEVENTs as JSON, in the same shape as tests/tools/ics_events
// (libical), so the integration tests compare both parsers' view of a served feed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { default: ICAL } = await import(pathToFileURL(join(here, '../../web/node_modules/ical.js/dist/ical.js')).href);

const text = readFileSync(0, 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  const value = (name) => vevent.getFirstPropertyValue(name);
  return {
    uid: event.uid,
    sequence: event.sequence ?? 0,
    status: value('status') ?? '',
    transp: value('transp') ?? '',
    start: event.startDate.toUnixTime(),
    end: event.endDate.toUnixTime(),
    dtstamp: value('dtstamp').toUnixTime(),
    summary: event.summary,
    url: value('url') ?? '',
  };
});
process.stdout.write(JSON.stringify({ name: calendar.getFirstPropertyValue('x-wr-calname'), events }) + '\n');
