/** The 审核意见 sheet of a fixture workbook (fixture.ts), laid out as the template does or as a user kept it. */
import type { CellModel, SheetModel, TableModel } from "../model";
import { REVIEWS, templateHeader } from "../contract/tables";
import { a1 } from "../util/address";
import type { FixtureRow, FixtureValue } from "./fixture";

export interface ReviewsLayout {
  /** Header texts by field key, instead of the template's. */
  headers?: Record<string, string>;
  /** Rows of text above the header row (a title). */
  above?: string[];
  /** Without its table object: found by its header row only. */
  noTableObject?: boolean;
}

export function addReviews(
  rows: FixtureRow[],
  layout: ReviewsLayout = {},
  sheets: SheetModel[],
  tables: TableModel[],
  cellOf: (value: FixtureValue, type: string, rawDates: boolean) => CellModel | undefined
) {
  const above = (layout.above ?? []).map((text) => [{ v: text }]);
  const header = REVIEWS.fields.map((f) => ({ v: layout.headers?.[f.key] ?? templateHeader(f) }));
  const sheet: SheetModel = {
    name: REVIEWS.sheet,
    rows: [
      ...above,
      header,
      ...rows.map((row) => REVIEWS.fields.map((f) => cellOf(row[f.key] ?? null, f.type, false))),
    ],
  };
  sheets.push(sheet);
  if (layout.noTableObject) return;
  tables.push({
    name: REVIEWS.name,
    sheet: REVIEWS.sheet,
    ref: `${a1(above.length, 0)}:${a1(above.length + Math.max(1, rows.length), REVIEWS.fields.length - 1)}`,
    headerRowCount: 1,
    totalsRowCount: 0,
    columns: header.map((h) => String(h.v)),
  });
}
