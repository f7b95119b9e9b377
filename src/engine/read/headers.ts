/**
 * What a header or a label says, once the ways people type it are set aside
 * (workbook-contract.md, "How strict a reader must be"): spaces, line breaks, case,
 * full-/half-width, a colon at the end, a required-field star, an English gloss, and a gloss
 * in brackets that only gives a unit, a date format or a fill-in hint ("金额（元）",
 * "日期（年/月/日）", "证书编号（如有）"). Any other bracketed word is a qualifier that makes
 * it another column ("金额（大写）", "预算金额（上年）") and stays in the key.
 */

export interface HeaderKey {
  /** The comparable form: "金额" for "金额（元） Amount:", "金额(大写)" for "金额（大写）". */
  key: string;
  /** The key without its qualifiers, to name near misses ("金额" for "金额（大写）"). */
  base: string;
  /** Multiplier a unit gloss implies for numbers: 10,000 for "（万元）", else 1. */
  scale: number;
}

const BRACKETS = /\(([^()]*)\)|\[([^[\]]*)\]|【([^【】]*)】|〔([^〔〕]*)〕|<([^<>]*)>/g;
const CJK = /[\u3400-\u9fff]/;

/** Bracketed glosses that give only a unit: they do not change what the column holds. */
const UNIT = "(?:元|万元|千元|人民币|rmb|cny|yuan|¥|人|人次|位|名|家|个|次|场|份|例|户|件|天|月|%)";
const UNIT_GLOSS = new RegExp(`^(单位[:：]?)?(人民币)?${UNIT}(/${UNIT})?$`, "i");
/** Bracketed glosses that only say how to type a date or whether the field may be left empty. */
const FORMAT_GLOSS =
  /^(格式[:：]?)?(\d{1,2}位|年[-/.]?月[-/.]?日|年[-/.]?月|yyyy[-/.]?m{1,2}[-/.]?d{1,2}|yyyy[-/.]?m{1,2}|必填|选填|可选|可空|如有|如无则空|非必填|可不填|可为空|没有可不填|没有则空)$/i;

/** Unit glosses that scale the numbers below them. */
const SCALES: [RegExp, number][] = [
  [/万元/, 10_000],
  [/千元/, 1_000],
];

function isNeutralGloss(inner: string): boolean {
  const s = inner.replace(/\s+/g, "");
  if (!s) return true;
  if (!CJK.test(s)) return true; // an English gloss "(Amount)", "(yuan)"
  return UNIT_GLOSS.test(s) || FORMAT_GLOSS.test(s);
}

function strip(text: string): string {
  return text
    .replace(/^[*\s]+|[*\s]+$/g, "")
    .replace(/[:\s]+$/, "")
    .replace(/^[*\s]+|[*\s]+$/g, "");
}

const cache = new Map<string, HeaderKey>();
const CACHE_LIMIT = 5_000;

/** The key of a header or label text. */
export function headerKey(text: string): HeaderKey {
  const hit = cache.get(text);
  if (hit) return hit;
  let s = strip(
    text
      .normalize("NFKC")
      .replace(/[\r\n]+/g, " ")
      .toLowerCase()
  );
  let scale = 1;
  let qualifiers = "";
  // "金额/元", "日期/Date": a unit or an English gloss after a slash.
  s = s.replace(/\/([^/()]+)$/, (whole, gloss: string) => {
    if (!isNeutralGloss(gloss)) return whole;
    for (const [re, factor] of SCALES) if (re.test(gloss)) scale = factor;
    return " ";
  });
  s = s.replace(BRACKETS, (whole, ...groups: (string | undefined)[]) => {
    const inner = groups.slice(0, 5).find((g) => g !== undefined) ?? "";
    if (isNeutralGloss(inner)) {
      for (const [re, factor] of SCALES) if (re.test(inner)) scale = factor;
      return " ";
    }
    const q = `(${inner.replace(/\s+/g, "")})`;
    qualifiers += q;
    return q;
  });
  // "金额 Amount", "金额(元) Amount (yuan)": the Chinese part before an English gloss.
  if (CJK.test(s)) {
    const lead = /^[^a-z]*[\u3400-\u9fff][^a-z]*/.exec(s);
    if (lead) s = lead[0];
  }
  const key = strip(s).replace(/\s+/g, "");
  let base = key;
  if (qualifiers) base = key.replace(/\([^()]*\)/g, "");
  const result = { key, base, scale };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** Text that names the field: its header (or label), its English gloss and its aliases. */
export interface Named {
  header?: string;
  label?: string;
  en: string;
  aliases?: string[];
}

const canonicalKeys = new WeakMap<Named, string>();
const aliasKeys = new WeakMap<Named, Set<string>>();

export function canonicalKey(field: Named): string {
  let k = canonicalKeys.get(field);
  if (k === undefined) {
    k = headerKey(field.header ?? field.label ?? "").key;
    canonicalKeys.set(field, k);
  }
  return k;
}

export function aliasKeysOf(field: Named): Set<string> {
  let keys = aliasKeys.get(field);
  if (!keys) {
    keys = new Set([field.en, ...(field.aliases ?? [])].map((t) => headerKey(t).key));
    // A header with its own qualifier ("所在村（社区）") is also typed without the brackets.
    const own = canonicalKey(field);
    if (own.includes("(")) {
      keys.add(own.replace(/[()]/g, ""));
      keys.add(own.replace(/\(([^()]*)\)/g, "/$1"));
    }
    keys.delete(canonicalKey(field));
    keys.delete("");
    aliasKeys.set(field, keys);
  }
  return keys;
}

/** How a text names a field: by its canonical header, by an alias, or not at all. */
export function matchKind(text: string, field: Named): "canonical" | "alias" | null {
  if (!text) return null;
  const { key } = headerKey(text);
  if (!key) return null;
  if (key === canonicalKey(field)) return "canonical";
  return aliasKeysOf(field).has(key) ? "alias" : null;
}

/** A qualified variant of the field's header ("金额（大写）" for 金额): a near miss to name. */
export function isQualifiedVariant(text: string, field: Named): boolean {
  const k = headerKey(text);
  if (k.key === k.base) return false;
  return k.base === canonicalKey(field) || aliasKeysOf(field).has(k.base);
}
