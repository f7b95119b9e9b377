/**
 * Rows inside a table that are not data (workbook-contract.md): a totals row a user typed
 * (合计, 本页小计, 6月合计 …) and the table's headers repeated after a page break. Such a row
 * has no valid category or date; it is left out of every sum and count and gets one warning.
 * Below a table found by its header, signature and note lines (制表人：…) end the data.
 */
import type { CellModel } from "../model";
import { cellText, compact } from "../util/text";
import { headerKey } from "./headers";

const TOTAL_WORDS = "合计|小计|总计|累计|共计|总合计|汇总";
const TOTAL_PREFIX =
  "本页|本月|本期|本年|本季度?|本表|全年|当月|上页|以上|截至本月|截止本月|截至目前|截止目前|\\d{1,2}月份?|\\d{4}年(?:\\d{1,2}月份?)?|第?[一二三四1-4]季度";
const TOTAL_LABEL = new RegExp(
  `^(?:${TOTAL_PREFIX})?(?:${TOTAL_WORDS})(?:金额|支出|数|额|人数|人次)?$|^(?:sub|grand)?total$|^sum$`
);

/** Does this cell text label a totals row ("合计", "本页小计", "合计：", "Total")? */
export function isTotalLabel(text: string): boolean {
  if (!text || text.length > 24) return false;
  return TOTAL_LABEL.test(headerKey(text).key);
}

const FOOTER =
  /^(?:制表|填表|编制|审核|复核|审批|经办|记账|会计|出纳|报送|(?:单位|财务|项目|机构)?负责人|注|备注|说明|填表说明)(?:人|日期)?(?::|$)/;

/** A signature or note line under a table: "制表人：张三", "注：…". */
export function isFooterRow(
  cells: (CellModel | undefined)[] | undefined,
  span: { first: number; last: number }
): boolean {
  if (!cells) return false;
  for (let c = span.first; c <= Math.min(span.last, cells.length - 1); c += 1) {
    const t = cellText(cells[c]?.v);
    if (!t) continue;
    return typeof cells[c]?.v === "string" && FOOTER.test(compact(t.normalize("NFKC")));
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
  columns: Record<string, number>
): { kind: RowKind; col: number } | null {
  const last = Math.min(span.last, cells.length - 1);
  for (let c = span.first; c <= last; c += 1) {
    const v = cells[c]?.v;
    if (typeof v === "string" && isTotalLabel(v)) return { kind: "total", col: c };
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
