/**
 * Reading one cell as a contract type. Returns the typed value, and whether it took a
 * coercion (text holding a number, a synonym) that the user should hear about.
 */
import type { CellScalar } from "../model";
import { isErrorValue } from "../model";
import { isValidYmd, serialFromYmd } from "../util/dates";
import { compact } from "../util/text";
import type { EnumDef } from "../contract/enums";
import { parseChineseAmount } from "./chinese-numerals";

export type Coercion =
  "text-number" | "text-date" | "synonym" | "spaces" | "number-text" | "placeholder";

export type Coerced<T> =
  | {
      kind: "blank";
      /** A placeholder word that stood in the cell ("无", "/"): read as blank. */
      placeholder?: string;
    }
  | {
      kind: "ok";
      value: T;
      coerced?: Coercion;
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

/** Words people type for "nothing here" (workbook-contract.md): read as a blank cell. */
const PLACEHOLDERS = new Set(
  [
    "无",
    "否",
    "没有",
    "暂无",
    "空",
    "/",
    "\\",
    "-",
    "--",
    "—",
    "——",
    "–",
    "n/a",
    "na",
    "none",
    "null",
    "无此项",
    "不适用",
  ].map((w) => w.normalize("NFKC"))
);
/** In a date field these say "not yet" too: 离岗日期 = 在岗, 乡镇备案日期 = 未备案. */
const DATE_PLACEHOLDERS = new Set([
  "在岗",
  "至今",
  "未离岗",
  "未离职",
  "未备案",
  "待备案",
  "未报送",
]);

function placeholderKey(text: string): string {
  return text
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[。.．]+$/, "");
}

const NEGATION = /^(?:无|未|不|没有|暂无|非)(.+)$/;

/**
 * Is this text a placeholder that means blank? Also "（无）", "无 /" (placeholders only), "0"
 * in a text field, and a negation of the field's own name (无兼任 under 兼任其他福彩项目,
 * 无证书 under 证书编号): `fieldWords` are the field's header and aliases.
 */
export function isPlaceholder(text: string, fieldWords: readonly string[] = []): boolean {
  let key = placeholderKey(text);
  if (PLACEHOLDERS.has(key)) return true;
  const bracketed = /^[(（[【](.*)[)）\]】]$/.exec(key);
  if (bracketed) key = placeholderKey(bracketed[1]);
  if (PLACEHOLDERS.has(key)) return true;
  const tokens = key.split(/[\s/、,，;；]+/).filter(Boolean);
  if (tokens.length > 0 && tokens.every((t) => PLACEHOLDERS.has(t))) return true;
  const negated = NEGATION.exec(compact(key));
  return !!negated && fieldWords.some((w) => compact(w).includes(negated[1]));
}

/** Text fields only: "0" stands for nothing where a name, a number or a project is asked. */
const TEXT_PLACEHOLDERS = new Set(["0"]);

/** What a placeholder can start with (full-width forms included; dates add 在, 至, 待). */
const FIRST = new Set([..."无否没暂空/\\-—–－／nN不未非(（[【0"]);
const DATE_FIRST = new Set([..."在至待"]);

function mayBePlaceholder(v: string, dates: boolean): boolean {
  for (let i = 0; i < v.length; i += 1) {
    const ch = v[i];
    if (ch === " " || ch === "\u3000" || ch === "\t") continue;
    return FIRST.has(ch) || (dates && DATE_FIRST.has(ch));
  }
  return false;
}

/** Placeholders are short ("无", "N/A", "没有兼任", "（无） / 无"): longer text is never one. */
const PLACEHOLDER_MAX = 16;

function placeholderBlank(
  v: CellScalar,
  dates = false,
  fieldWords: readonly string[] = []
): Coerced<never> | null {
  // A ledger holds tens of thousands of texts: the cheap tests first.
  if (typeof v !== "string" || v.length > PLACEHOLDER_MAX || !mayBePlaceholder(v, dates))
    return null;
  const key = placeholderKey(v);
  if (isPlaceholder(v, fieldWords) || (dates && DATE_PLACEHOLDERS.has(compact(key))))
    return { kind: "blank", placeholder: v.trim() };
  return null;
}

export function readText(v: CellScalar, fieldWords: readonly string[] = []): Coerced<string> {
  if (v === null || isBlank(v)) return BLANK;
  if (isErrorValue(v)) return { kind: "bad", raw: v.error };
  if (typeof v === "number")
    return v === 0 ? { kind: "blank", placeholder: "0" } : { kind: "ok", value: String(v) };
  if (typeof v === "boolean") return { kind: "ok", value: v ? "TRUE" : "FALSE" };
  if (TEXT_PLACEHOLDERS.has(v.trim())) return { kind: "blank", placeholder: v.trim() };
  return placeholderBlank(v, false, fieldWords) ?? { kind: "ok", value: String(v).trim() };
}

/**
 * A code such as an ID number or a credit code: typed in groups ("653121 19900312 1011"),
 * with full-width digits or hyphens, it is read joined up, with a warning.
 */
export function readCode(v: CellScalar, fieldWords: readonly string[] = []): Coerced<string> {
  const text = readText(v, fieldWords);
  if (text.kind !== "ok" || typeof v !== "string") return text;
  const joined = text.value.normalize("NFKC").replace(/[\s\-－—]+/g, "");
  if (joined === text.value) return text;
  if (!/^[0-9A-Za-z]+$/.test(joined)) return text;
  return { kind: "ok", value: joined, coerced: "spaces" };
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parse text that holds a number: "1,200.00", "１２００", "¥1200", "1200元", "(1200)",
 * "16万元" (160,000), "壹拾陆万元整".
 */
export function parseNumberText(text: string): number | null {
  let s = compact(text);
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("负")) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^[¥￥]|^RMB|^CNY|^人民币/i, "");
  if (s.startsWith("-") && /^-[¥￥]/.test(s)) s = "-" + s.slice(2);
  const chinese = parseChineseAmount(s);
  if (chinese !== null) return negative ? -chinese : chinese;
  s = s.replace(/整$/, "").replace(/(元|人次|人|家|个|次|场)$/, "");
  let scale = 1;
  if (s.endsWith("万")) {
    scale = 10_000;
    s = s.slice(0, -1);
  }
  s = s.replace(/,/g, "");
  if (!NUMBER_TEXT.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  const value = scale === 1 ? n : Math.round(n * scale * 100) / 100;
  return negative ? -value : value;
}

export function readNumber(v: CellScalar): Coerced<number> {
  if (isBlank(v)) return BLANK;
  if (typeof v === "number")
    return Number.isFinite(v) ? { kind: "ok", value: v } : { kind: "bad", raw: String(v) };
  if (typeof v === "string") {
    const n = parseNumberText(v);
    if (n !== null) return { kind: "ok", value: n, coerced: "text-number" };
    return placeholderBlank(v) ?? { kind: "bad", raw: v };
  }
  return { kind: "bad", raw: rawText(v) };
}

const MAX_SERIAL = 2958465; // 9999-12-31

/** A time of day after a date, as exports write it: " 00:00:00", "T08:30", " 0:00", " 8时". */
const TIME_SUFFIX =
  /(?:\s+|T)(?:上午|下午|am|pm)?\s*\d{1,2}(?:[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?|时(?:\d{1,2}分(?:\d{1,2}秒)?)?)\s*(?:am|pm)?$/i;

/**
 * Parse text that holds a date: 2024/3/5, 2024-03-05, 2024.3.5, 2024年3月5日, 20240305, and
 * the same with a time of day after it (the date part counts).
 */
export function parseDateText(text: string): number | null {
  const dateOnly = text.normalize("NFKC").trim().replace(TIME_SUFFIX, "");
  const s = compact(dateOnly);
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
    if (serial !== null) return { kind: "ok", value: serial, coerced: "text-date" };
    return placeholderBlank(v, true) ?? { kind: "bad", raw: v };
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
    const m = /^(\d{4})[-/.年](\d{1,2})月?份?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
    if (m) {
      const [y, mo] = [Number(m[1]), Number(m[2])];
      if (y >= 1900 && mo >= 1 && mo <= 12) return { kind: "ok", value: y * 12 + mo - 1 };
    }
    // A whole date (or date-time) typed as text names its month; it was not typed as one.
    const serial = parseDateText(v);
    if (serial !== null) return { ...readMonth(serial), coerced: "text-date" } as Coerced<number>;
    return placeholderBlank(v, true) ?? { kind: "bad", raw: v };
  }
  return { kind: "bad", raw: rawText(v) };
}

/** The option that means "none", where a list has one (证书等级 无). */
const NONE_OPTION = "无";

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
  if (isPlaceholder(raw)) {
    // "/" or 没有 under 证书等级 says 无; in a list without such an option it is a blank.
    return def.values.includes(NONE_OPTION)
      ? { kind: "ok", value: NONE_OPTION, coerced: "placeholder" }
      : { kind: "blank", placeholder: raw.trim() };
  }
  return { kind: "bad", raw };
}
