const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A `from` or `to` bound of a history query: an ISO date (`2026-03-01`: the whole day, so `to`
 * is its last millisecond) or date and time (UTC unless it names its offset). Null when the text
 * is no such date, or names a day or time that does not exist.
 */
export const historyDateBound = (text: string, bound: 'from' | 'to'): Date | null => {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const dayStart = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const date = new Date(dayStart);
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  if (hour === undefined) return new Date(bound === 'to' ? dayStart + 86_399_999 : dayStart);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  const offset = zone && zone !== 'Z' ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
  const millis = (fraction ?? '').padEnd(3, '0').slice(0, 3);
  const parsed = new Date(
    `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}.${millis}${offset}`
  );
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};
