// The consumer's display zone: detected from the browser, changeable from a list.
import { useMemo } from 'preact/hooks';
import { t } from '../i18n';
import { listZones, zoneLabel } from '../lib/tz';
import { Field } from './ui';

export function ZonePicker({ zone, onChange, now }: { zone: string; onChange: (z: string) => void; now: number }) {
  const zones = useMemo(() => listZones(zone), [zone]);
  return (
    <Field label={t.zoneLabel} hint={t.zoneHint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          value={zone}
          onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z === zone ? zoneLabel(z, now) : z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
