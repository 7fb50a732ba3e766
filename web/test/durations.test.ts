// Reminder offsets read back in the unit a manager would choose.
import { describe, expect, it } from 'vitest';
import { fromMinutes, toMinutes } from '../src/lib/durations';

describe('reminder offsets as durations', () => {
  it('reads minutes in the largest exact unit', () => {
    expect(fromMinutes(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(fromMinutes(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(fromMinutes(60)).toEqual({ amount: 1, unit: 'hours' });
    expect(fromMinutes(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(fromMinutes(1500)).toEqual({ amount: 25, unit: 'hours' });
    expect(fromMinutes(15)).toEqual({ amount: 15, unit: 'minutes' });
  });

  it('turns a duration back into the same minutes', () => {
    for (const m of [15, 60, 90, 1440, 1500, 10080]) expect(toMinutes(fromMinutes(m))).toBe(m);
    expect(toMinutes({ amount: 3, unit: 'hours' })).toBe(180);
  });

  it('refuses what is not a whole positive amount', () => {
    expect(toMinutes({ amount: 0, unit: 'days' })).toBeNaN();
    expect(toMinutes({ amount: 1.5, unit: 'hours' })).toBeNaN();
  });
});
