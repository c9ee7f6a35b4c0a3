/** A byte count for people: 0 B, 12.3 KB, 4.5 MB… */
export const formatBytes = (bytes: number | null | undefined): string => {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
};

/** A number with thousands separators. */
export const formatCount = (value: number | null | undefined): string =>
  (value ?? 0).toLocaleString('en-US');

/** A date and time in the browser's locale, or '' when there is none. */
export const formatDateTime = (value: string | Date | null | undefined): string =>
  value ? new Date(value).toLocaleString() : '';
