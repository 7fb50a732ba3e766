"""Both iCalendar parsers the calendar tests read feeds with: libical (tests/tools/ics_events,
built beside visitd) and Mozilla's ical.js (tests/integration/ical_events.mjs under node)."""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def _ics_events_binary():
    explicit = os.environ.get("VISITD_ICS_EVENTS")
    if explicit:
        return explicit
    # A module run by hand: the tool is built next to visitd (build/tests/ics_events).
    return os.path.join(os.path.dirname(os.environ["VISITD_BIN"]), "tests", "ics_events")


def libical_events(text):
    out = subprocess.run([_ics_events_binary()], input=text.encode(), capture_output=True, timeout=30)
    if out.returncode != 0:
        raise AssertionError("libical did not parse the feed: %r" % out.stderr)
    return json.loads(out.stdout)


def icaljs_calendar(text):
    out = subprocess.run(["node", os.path.join(HERE, "ical_events.mjs")], input=text.encode(), capture_output=True,
                         timeout=60)
    if out.returncode != 0:
        raise AssertionError("ical.js did not parse the feed: %s" % out.stderr.decode(errors="replace"))
    return json.loads(out.stdout)
