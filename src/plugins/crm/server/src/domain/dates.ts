import { type RuleIssue, fieldIssue } from './errors';

const DATE_ONLY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Only the calendar date as written is kept: shifting a timestamp into another zone would move birthdays.
const ISO_TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

function formatDateParts(year: number, month: number, day: number): string | null {
  if (
    year < 1 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// UTC, because a Date with no zone information of its own is how date-only values travel through JSON and DB drivers.
function utcDateString(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return formatDateParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function parseCalendarDate(text: string): string | null {
  const match = DATE_ONLY_PATTERN.exec(text) ?? ISO_TIMESTAMP_PATTERN.exec(text);
  if (!match) return null;
  return formatDateParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * @internal Reads an optional calendar date that cannot lie in the future (a birth date): accepts
 * YYYY-MM-DD, a full ISO timestamp (its date as written) or a Date; returns YYYY-MM-DD or null.
 * Rules are `<rulePrefix>.invalid` and `<rulePrefix>.future`.
 */
export function readPastDate(
  input: Record<string, unknown>,
  field: string,
  issues: RuleIssue[],
  today: Date,
  rulePrefix: string
): string | null {
  const raw = input[field];
  if (raw === undefined || raw === null) return null;

  let value: string | null;
  if (raw instanceof Date) {
    value = utcDateString(raw);
  } else if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '') return null;
    value = parseCalendarDate(trimmed);
  } else {
    issues.push(
      fieldIssue(field, 'field.type', `${field} must be a date string in YYYY-MM-DD form`)
    );
    return null;
  }

  if (value === null) {
    issues.push(
      fieldIssue(field, `${rulePrefix}.invalid`, `${field} must be a real date in YYYY-MM-DD form`)
    );
    return null;
  }
  const todayText = utcDateString(today);
  // Same-width YYYY-MM-DD strings compare correctly as text.
  if (todayText !== null && value > todayText) {
    issues.push(fieldIssue(field, `${rulePrefix}.future`, `${field} cannot be in the future`));
  }
  return value;
}
