/**
 * Reading one cell as a contract type. Returns the typed value, and whether it took a
 * coercion (text holding a number, a synonym) that the user should hear about.
 */
import type { CellScalar } from "../model";
import { isErrorValue } from "../model";
import { isValidYmd, serialFromYmd } from "../util/dates";
import { compact } from "../util/text";
import type { EnumDef } from "../contract/enums";

export type Coerced<T> =
  | { kind: "blank" }
  | {
      kind: "ok";
      value: T;
      coerced?: "text-number" | "text-date" | "synonym" | "spaces" | "number-text";
    }
  | { kind: "bad"; raw: string };

const BLANK = { kind: "blank" } as const;

function rawText(v: CellScalar): string {
  if (v === null) return "";
  if (isErrorValue(v)) return v.error;
  return String(v);
}

function isBlank(v: CellScalar): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function readText(v: CellScalar): Coerced<string> {
  if (v === null || isBlank(v)) return BLANK;
  if (isErrorValue(v)) return { kind: "bad", raw: v.error };
  if (typeof v === "number")
    return { kind: "ok", value: Number.isInteger(v) ? String(v) : String(v) };
  if (typeof v === "boolean") return { kind: "ok", value: v ? "TRUE" : "FALSE" };
  return { kind: "ok", value: String(v).trim() };
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Parse text that holds a number: "1,200.00", "１２００", "¥1200", "1200元", "(1200)". */
export function parseNumberText(text: string): number | null {
  let s = compact(text);
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s
    .replace(/^[¥￥]|^RMB|^CNY/i, "")
    .replace(/(元|人次|人|家|个|次|场)$/, "")
    .replace(/,/g, "");
  if (s.startsWith("-") && /^-[¥￥]/.test(s)) s = "-" + s.slice(2);
  if (!NUMBER_TEXT.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

export function readNumber(v: CellScalar): Coerced<number> {
  if (isBlank(v)) return BLANK;
  if (typeof v === "number")
    return Number.isFinite(v) ? { kind: "ok", value: v } : { kind: "bad", raw: String(v) };
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === null ? { kind: "bad", raw: v } : { kind: "ok", value: n, coerced: "text-number" };
  }
  return { kind: "bad", raw: rawText(v) };
}

const MAX_SERIAL = 2958465; // 9999-12-31

/** Parse text that holds a date: 2024/3/5, 2024-03-05, 2024.3.5, 2024年3月5日, 20240305. */
export function parseDateText(text: string): number | null {
  const s = compact(text);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? serialFromYmd(y, mo, d) : null;
}

export function readDate(v: CellScalar): Coerced<number> {
  if (isBlank(v)) return BLANK;
  if (typeof v === "number") {
    return v >= 1 && v <= MAX_SERIAL
      ? { kind: "ok", value: Math.floor(v) }
      : { kind: "bad", raw: String(v) };
  }
  if (typeof v === "string") {
    const serial = parseDateText(v);
    return serial === null
      ? { kind: "bad", raw: v }
      : { kind: "ok", value: serial, coerced: "text-date" };
  }
  return { kind: "bad", raw: rawText(v) };
}

/** A month as y*12 + (m-1). Accepts "2024-05", "2024/5", "2024年5月", "2024.05", or a date. */
export function readMonth(v: CellScalar): Coerced<number> {
  if (isBlank(v)) return BLANK;
  if (typeof v === "number") {
    if (v < 1 || v > MAX_SERIAL) return { kind: "bad", raw: String(v) };
    const dt = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000);
    return { kind: "ok", value: dt.getUTCFullYear() * 12 + dt.getUTCMonth() };
  }
  if (typeof v === "string") {
    const s = compact(v);
    const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
    if (m) {
      const [y, mo] = [Number(m[1]), Number(m[2])];
      if (y >= 1900 && mo >= 1 && mo <= 12) return { kind: "ok", value: y * 12 + mo - 1 };
    }
    const serial = parseDateText(v);
    if (serial !== null) return readMonth(serial);
    return { kind: "bad", raw: v };
  }
  return { kind: "bad", raw: rawText(v) };
}

export function readEnum(v: CellScalar, def: EnumDef): Coerced<string> {
  if (isBlank(v)) return BLANK;
  if (isErrorValue(v)) return { kind: "bad", raw: v.error };
  const raw = String(v);
  if (def.values.includes(raw)) return { kind: "ok", value: raw };
  const key = compact(raw);
  const exact = def.values.find((x) => compact(x) === key);
  if (exact) return { kind: "ok", value: exact, coerced: "spaces" };
  const synonymKey = Object.keys(def.synonyms).find((s) => compact(s) === key);
  if (synonymKey) return { kind: "ok", value: def.synonyms[synonymKey], coerced: "synonym" };
  return { kind: "bad", raw };
}
