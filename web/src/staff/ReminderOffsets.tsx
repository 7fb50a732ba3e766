// Reminder offsets chosen as durations ("1 day before", "1 hour before"), one row each, with
// the server's message for a row (rules.reminderOffsetsMinutes[i]) next to that row.
import { t } from '../i18n';
import type { Duration, DurationUnit } from '../lib/durations';
import { useId } from '../components/ui';

const kUnits: DurationUnit[] = ['days', 'hours', 'minutes'];
const kMaxReminders = 10;

export function ReminderOffsets({
  value,
  onValue,
  errors,
}: {
  value: Duration[];
  onValue: (v: Duration[]) => void;
  errors: (i: number) => string | undefined;
}) {
  const id = useId('rem');
  const set = (i: number, d: Duration) => onValue(value.map((x, j) => (j === i ? d : x)));
  return (
    <fieldset class="reminders" aria-describedby={`${id}-hint`}>
      <legend>{t.remindersLegend}</legend>
      <p class="hint" id={`${id}-hint`}>
        {t.remindersHint}
      </p>
      {!value.length && <p class="muted">{t.remindersNone}</p>}
      {value.map((d, i) => {
        const err = errors(i);
        return (
          <div class={`reminder-row${err ? ' field-invalid' : ''}`} key={i}>
            <label for={`${id}-${i}-n`} class="visually-hidden">
              {t.reminderAmount(i + 1)}
            </label>
            <input
              id={`${id}-${i}-n`}
              type="number"
              min="1"
              step="1"
              inputMode="numeric"
              value={String(d.amount)}
              aria-invalid={err ? true : undefined}
              aria-describedby={err ? `${id}-${i}-err` : undefined}
              data-reminder={i}
              onInput={(e) => set(i, { ...d, amount: Number((e.target as HTMLInputElement).value) })}
            />
            <label for={`${id}-${i}-u`} class="visually-hidden">
              {t.reminderUnit(i + 1)}
            </label>
            <select id={`${id}-${i}-u`} value={d.unit} onChange={(e) => set(i, { ...d, unit: (e.target as HTMLSelectElement).value as DurationUnit })}>
              {kUnits.map((u) => (
                <option key={u} value={u}>
                  {t.durationUnits(u, d.amount)}
                </option>
              ))}
            </select>
            <span>{t.reminderBefore}</span>
            <button type="button" class="btn-link" onClick={() => onValue(value.filter((_, j) => j !== i))}>
              {t.reminderRemove(i + 1)}
            </button>
            {err && (
              <p class="field-error" id={`${id}-${i}-err`}>
                {err}
              </p>
            )}
          </div>
        );
      })}
      {value.length < kMaxReminders && (
        <button type="button" class="btn-secondary" onClick={() => onValue([...value, { amount: 1, unit: 'hours' }])}>
          {t.reminderAdd}
        </button>
      )}
    </fieldset>
  );
}
