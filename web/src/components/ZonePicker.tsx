// The consumer's display zone: detected from the browser, changeable from a searchable list
// of current IANA zones with friendly names and their offsets now.
import { useMemo, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { canonicalZone, friendlyZoneName, listCanonicalZones } from '../lib/tz';
import { Field } from './ui';

export function ZonePicker({ zone, onChange, now }: { zone: string; onChange: (z: string) => void; now: number }) {
  const [search, setSearch] = useState('');
  const current = canonicalZone(zone);
  const all = useMemo(
    () => listCanonicalZones(current).map((z) => ({ zone: z, label: friendlyZoneName(z, now, locale) })),
    [current, now],
  );
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = all.filter((o) => words.every((w) => `${o.zone.replace(/_/g, ' ')} ${o.label}`.toLowerCase().includes(w)));
  // The chosen zone stays in the list, so the select always shows what is in effect.
  const shown = words.length ? all.filter((o) => o.zone === current || matches.includes(o)) : all;
  return (
    <div class="zone-picker">
      <Field label={t.zoneLabel} hint={t.zoneHint}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={current}
            onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
          >
            {shown.map((o) => (
              <option key={o.zone} value={o.zone}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.zoneSearch} hint={t.zoneSearchHint} required={false}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="search"
            aria-describedby={describedBy}
            value={search}
            autoComplete="off"
            onInput={(e) => {
              const q = (e.target as HTMLInputElement).value;
              setSearch(q);
              // The first match becomes the choice, so typing a city is enough.
              const w = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
              const hit = w.length ? all.find((o) => w.every((x) => `${o.zone.replace(/_/g, ' ')} ${o.label}`.toLowerCase().includes(x))) : undefined;
              if (hit && hit.zone !== current) onChange(hit.zone);
            }}
          />
        )}
      </Field>
      {words.length > 0 && (
        <p class="muted" role="status">
          {t.zoneMatches(matches.length)}
        </p>
      )}
    </div>
  );
}
