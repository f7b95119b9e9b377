import type { CellModel, CellScalar, SheetModel, WorkbookModel } from "../model";
import { cellKey, recalculate, type CellKey } from "./evaluate";
import { KEPT_ENGINE_MAX_CELLS } from "./engine";

function sheet(name: string, rows: (CellScalar | [CellScalar, string])[][]): SheetModel {
  return {
    name,
    rows: rows.map((r) =>
      r.map((v): CellModel => (Array.isArray(v) ? { v: v[0], f: v[1] } : { v }))
    ),
  };
}

function model(...sheets: SheetModel[]): WorkbookModel {
  return { source: "test", sheets, tables: [], names: [] };
}

function value(m: WorkbookModel, key: CellKey): CellScalar {
  const r = recalculate(m, [key]).get(cellKey(key))!;
  if (!r.ok) throw new Error(r.reason.en);
  return r.value;
}

describe("the HyperFormula engine", () => {
  it("keeps nothing of one workbook in the next (the kept engine's sheets are replaced)", () => {
    const first = model(sheet("A", [[1, [0, "B!A1+A1"]]]), sheet("B", [[10]]));
    expect(value(first, { sheet: "A", row: 0, col: 1 })).toBe(11);
    // The same formula where sheet B does not exist: Excel's #REF!, not the last file's 10.
    const second = model(sheet("A", [[2, [0, "B!A1+A1"]]]));
    expect(value(second, { sheet: "A", row: 0, col: 1 })).toEqual({ error: "#REF!" });
    // And a sheet of the same name with other cells.
    const third = model(sheet("A", [[3, [0, "B!A1+A1"]]]), sheet("B", [[]]));
    expect(value(third, { sheet: "A", row: 0, col: 1 })).toBe(3);
  });

  it("gives the same answers from a fresh engine for a large input as from the kept one", () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i): (CellScalar | [CellScalar, string])[] => [
        i % 2 ? "甲" : "乙",
        i + 1,
      ]);
    const formula: [CellScalar, string] = [0, 'SUMIFS(L!$B:$B,L!$A:$A,"甲")'];
    const small = model(sheet("S", [[formula]]), sheet("L", rows(100)));
    const large = model(sheet("S", [[formula]]), sheet("L", rows(KEPT_ENGINE_MAX_CELLS)));
    const sumEven = (n: number) => (n / 2) * (n / 2 + 1); // 2 + 4 + … + n
    expect(value(small, { sheet: "S", row: 0, col: 0 })).toBe(sumEven(100));
    expect(value(large, { sheet: "S", row: 0, col: 0 })).toBe(sumEven(KEPT_ENGINE_MAX_CELLS));
  });

  it("counts dates as Excel does, 29 February 1900 included", () => {
    const m = model(
      sheet("A", [
        [
          [0, "DATE(2024,3,1)"],
          [0, "DATE(1900,1,1)"],
          [0, "DATE(1900,3,1)"],
          [0, "DAY(60)"],
          [0, 'TEXT(45352,"yyyy-mm-dd")'],
        ],
      ])
    );
    const at = (col: number) => value(m, { sheet: "A", row: 0, col });
    expect([at(0), at(1), at(2), at(3), at(4)]).toEqual([45352, 1, 61, 29, "2024-03-01"]);
  });

  it("reads a reference far below the data as an empty cell, as Excel does", () => {
    const m = model(sheet("A", [[1, [0, "A1+Z100000"]]]));
    expect(value(m, { sheet: "A", row: 0, col: 1 })).toBe(1);
  });

  // HyperFormula's default date formats (DD/MM/YYYY): the quick filter in front of its date
  // parser must not change what it accepts, leading blanks included.
  it("still takes text that is a date for the date it is, and words for words", () => {
    const m = model(
      sheet("A", [
        ["01/03/2024", [0, "A1+1"]],
        ["人力成本", [0, 'IF(A2="人力成本",1,0)']],
        [" 01/03/2024", [0, "A3+0"]],
      ])
    );
    expect(value(m, { sheet: "A", row: 0, col: 1 })).toBe(45353);
    expect(value(m, { sheet: "A", row: 1, col: 1 })).toBe(1);
    expect(value(m, { sheet: "A", row: 2, col: 1 })).toBe(45352);
  });
});
