/** Workbooks for the Excel host's tests, built on the engine's fixtures. */
import type { CellModel, WorkbookModel } from "../../../engine/model";
import { a1 } from "../../../engine/util/address";
import {
  compliantFixture,
  toModel,
  type Fixture,
  type FixtureRow,
} from "../../../engine/testing/fixture";

/** The compliant project with a ledger of `rows` payments (still within the budget's categories). */
export function ledgerFixture(rows: number): Fixture {
  const fx = compliantFixture();
  const categories = ["人力成本", "服务性支出", "评估及其他"];
  const start = 45352; // 2024-03-01
  const ledger: FixtureRow[] = Array.from({ length: rows }, (_, i) => ({
    date: isoOf(start + (i % 360)),
    voucher: `V-${i + 1}`,
    category: categories[i % 3],
    subject: "活动物资",
    summary: `第${i + 1}笔支出`,
    amount: 1 + (i % 7),
    payee: "供销社",
  }));
  fx.tables.Ledger = ledger;
  return fx;
}

function isoOf(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A model as a flat, order-free list: every cell as "sheet!A1 -> {v,f,fmt}", tables and names
 * sorted. Two models that agree here give the engine the same input.
 */
export function canonical(model: WorkbookModel, sheets?: (name: string) => boolean) {
  const cells: Record<string, CellModel> = {};
  for (const s of model.sheets) {
    if (sheets && !sheets(s.name)) continue;
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const v = cell.v === "" ? null : cell.v;
        if (v === null && cell.f === undefined) return;
        const out: CellModel = { v };
        if (cell.f !== undefined) out.f = cell.f;
        if (cell.fmt !== undefined && cell.fmt !== "General") out.fmt = cell.fmt;
        cells[`${s.name}!${a1(r, c)}`] = out;
      })
    );
  }
  const byName = <T extends { name: string }>(list: T[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name));
  return {
    sheetNames: model.sheets.map((s) => s.name),
    cells,
    tables: byName(model.tables),
    names: byName(model.names),
  };
}

export { toModel, compliantFixture };
