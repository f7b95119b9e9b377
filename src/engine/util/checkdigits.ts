/** Check digits of the national ID number (GB 11643-1999) and the unified social credit code (GB 32100-2015). */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export type IdProblem = "length" | "characters" | "birthdate" | "checkdigit";

/** Returns null when valid, otherwise what is wrong. */
export function idNumberProblem(raw: string): IdProblem | null {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return "length";
  if (!/^\d{17}[\dX]$/.test(id)) return "characters";
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return "birthdate";
  return idCheckChar(id) === id[17] ? null : "checkdigit";
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

export type UsccProblem = "length" | "characters" | "checkdigit";

export function usccProblem(raw: string): UsccProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return "length";
  for (const ch of code) if (!USCC_CHARS.includes(ch)) return "characters";
  return usccCheckChar(code) === code[17] ? null : "checkdigit";
}
