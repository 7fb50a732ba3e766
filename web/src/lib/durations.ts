// Reminder offsets as a person says them ("1 day before", "2 hours before") over the API's
// minutes. The largest unit that divides the minutes exactly is chosen, so a value the
// manager picked reads back the same way.
export type DurationUnit = 'days' | 'hours' | 'minutes';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const kMinutesPer: Record<DurationUnit, number> = { days: 24 * 60, hours: 60, minutes: 1 };

export function fromMinutes(minutes: number): Duration {
  for (const unit of ['days', 'hours'] as const) {
    if (minutes >= kMinutesPer[unit] && minutes % kMinutesPer[unit] === 0) return { amount: minutes / kMinutesPer[unit], unit };
  }
  return { amount: minutes, unit: 'minutes' };
}

/** Minutes of a whole, positive amount; NaN otherwise (the server then names the field). */
export function toMinutes(d: Duration): number {
  if (!Number.isInteger(d.amount) || d.amount < 1) return Number.NaN;
  return d.amount * kMinutesPer[d.unit];
}
