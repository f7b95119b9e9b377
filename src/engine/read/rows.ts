/**
 * Rows inside a table that are not data (workbook-contract.md): a totals row a user typed
 * (合计, 本页小计, 6月合计 …) and the table's headers repeated after a page break. Such a row
 * has no valid category or date; it is left out of every sum and count and gets one warning.
 * Below a table found by its header, signature and note lines (制表人：…) end the data.
 */
import type { CellModel } from "../model";
import { cellText, compact } from "../util/text";
import { headerKey } from "./headers";

const TOTAL_WORDS = "合计|小计|总计|累计|共计|总合计|汇总|subtotal|total|sum";
/** What may stand before the word: a period, a page, the table's own column or category names. */
const PERIOD =
  "本页|本月|本期|本年|本季度?|本表|全年|当月|上页|承上页|过次页|以上|合并|全部|总|上半年|下半年|截[至止](?:本月|目前|今)?|" +
  "\\d{1,2}(?:[-~至到]\\d{1,2})?月份?|[一二三四五六七八九十]{1,3}(?:[-~至到][一二三四五六七八九十]{1,3})?月份?|" +
  "\\d{4}年(?:\\d{1,2}(?:[-~至到]\\d{1,2})?月份?)?|第?[一二三四1-4]季度|" +
  // What was totalled, in the words any table uses.
  "金额|支出|收入|费用|人数|人次|数量|次数|场次|户数|份数";
/** What may stand after it: what was totalled, and a figure with its unit ("合计：12家"). */
const AFTER =
  "(?:金额|发生额|数|额|数量|人数|人次|支出)?(?::?[\\d,.]+(?:元|万元|家|个|人|人次|份|场|次|例|户)?)?";

function totalPattern(words: readonly string[]): RegExp {
  const own = words
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .filter(Boolean)
    .join("|");
  const before = own ? `${PERIOD}|${own}` : PERIOD;
  return new RegExp(`^(?:${before}){0,2}(?:${TOTAL_WORDS})${AFTER}$`);
}

const BASE_PATTERN = totalPattern([]);
const patterns = new Map<string, RegExp>();

/** The label as compared: no spaces, brackets, hyphens or trailing colons. */
function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, "")
    .replace(/[\s\-_—]+/g, "")
    .replace(/[:：]+$/, "");
}

/**
 * Does this cell text label a totals row ("合计", "本页小计", "三月小计", "人力成本合计",
 * "合计：12家", "Sub-total")? `words` are the table's own column headers and categories,
 * which may name what was totalled ("金额合计", "人力成本小计").
 */
export function isTotalLabel(text: string, words: readonly string[] = []): boolean {
  if (!text || text.length > 30) return false;
  const key = labelKey(text);
  if (!key) return false;
  let pattern = BASE_PATTERN;
  if (words.length) {
    const id = words.join("|");
    pattern = patterns.get(id) ?? totalPattern(words.map(labelKey));
    if (!patterns.has(id)) patterns.set(id, pattern);
  }
  return pattern.test(key);
}

const FOOTER =
  /^(?:制表|填表|填报|填写|编制|报送|审核|复核|审批|批准|经办|经手|记账|会计|出纳|(?:单位|财务|项目|机构)?负责|联系|电话|盖章|签字|签名|签章|注|备注|说明|填表说明)(?:人|单位|日期|电话|方式)?(?::|$)|^日期:/;

/** A signature or note line under a table: "制表人：张三", "注：…". */
export function isFooterRow(
  cells: (CellModel | undefined)[] | undefined,
  span: { first: number; last: number }
): boolean {
  if (!cells) return false;
  for (let c = span.first; c <= Math.min(span.last, cells.length - 1); c += 1) {
    const t = cellText(cells[c]?.v);
    if (!t) continue;
    const key = compact(t.normalize("NFKC")).replace(/\([^()]*\)/g, "");
    return typeof cells[c]?.v === "string" && FOOTER.test(key);
  }
  return false;
}

export type RowKind = "total" | "header";

/**
 * What a row whose category or date is not valid really is: a totals row, a repeated header
 * row, or (null) a data row with a mistake in it.
 */
export function nonDataRow(
  cells: (CellModel | undefined)[],
  span: { first: number; last: number },
  headers: string[],
  columns: Record<string, number>,
  words: readonly string[] = []
): { kind: RowKind; col: number } | null {
  const last = Math.min(span.last, cells.length - 1);
  for (let c = span.first; c <= last; c += 1) {
    const v = cells[c]?.v;
    if (typeof v === "string" && isTotalLabel(v, words)) return { kind: "total", col: c };
  }
  let filled = 0;
  let same = 0;
  let first = -1;
  for (const col of Object.values(columns)) {
    const text = cellText(cells[col]?.v);
    if (!text) continue;
    filled += 1;
    if (headers[col] && headerKey(text).key === headerKey(headers[col]).key) {
      same += 1;
      if (first < 0 || col < first) first = col;
    }
  }
  if (same >= 2 && same * 2 >= filled) return { kind: "header", col: first };
  return null;
}
