/**
 * Dates are Excel serial day numbers in the 1900 system (1 = 1900-01-01, with Excel's
 * fictitious 1900-02-29 as 60). Calendar arithmetic goes through UTC to stay clear of time zones.
 */

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

/** Excel counts a 29 February 1900 that never was (serial 60); days before it are one lower. */
const MARCH_1900 = Date.UTC(1900, 2, 1);

export function serialFromYmd(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return 60;
  const ms = Date.UTC(y, m - 1, d);
  return Math.round((ms - EPOCH_MS) / DAY_MS) - (ms < MARCH_1900 ? 1 : 0);
}

export function ymdFromSerial(serial: number): Ymd {
  const s = Math.floor(serial);
  if (s === 60) return { y: 1900, m: 2, d: 29 };
  const dt = new Date(EPOCH_MS + (s < 60 ? s + 1 : s) * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Add calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 = Feb 28/29). */
export function addMonths(serial: number, months: number): number {
  const { y, m, d } = ymdFromSerial(serial);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return serialFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Number of whole calendar months from `from` up to `to` (both serials). */
export function wholeMonthsBetween(from: number, to: number): number {
  if (to < from) return 0;
  const a = ymdFromSerial(from);
  const b = ymdFromSerial(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  while (addMonths(from, months + 1) <= to) months += 1;
  return months;
}

export function formatSerial(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Parse 'YYYY-MM-DD' (as given on a command line); null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? serialFromYmd(y, mo, d) : null;
}

/** Month index (y*12 + m-1) of a serial, for month arithmetic. */
export function monthIndex(serial: number): number {
  const { y, m } = ymdFromSerial(serial);
  return y * 12 + (m - 1);
}

export function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Days between the 1900 and the 1904 date systems: a 1904 workbook's serial + 1462 is the
 * same day in the 1900 system the engine counts in.
 */
export const DAYS_1900_TO_1904 = 1462;
