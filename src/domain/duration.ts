import { validationFailed } from './errors.js';

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;
const MS = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

/**
 * Milliseconds of an ISO 8601 duration in weeks, days, hours, minutes and seconds (P30D, PT1H,
 * P1DT0.001S). Months and years are refused: their length depends on where they start.
 */
export function durationMs(text: string, field: string): number {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw validationFailed([
      {
        field,
        code: 'invalid_duration',
        detail: `${field} must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, such as P30D or PT12H.`,
      },
    ]);
  }
  const [, w, d, h, m, s] = match.map((part: string | undefined) => Number(part ?? 0));
  return (
    (w ?? 0) * MS.week +
    (d ?? 0) * MS.day +
    (h ?? 0) * MS.hour +
    (m ?? 0) * MS.minute +
    Math.round((s ?? 0) * MS.second)
  );
}
