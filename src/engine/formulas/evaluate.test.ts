import type { CellModel, CellScalar, SheetModel, TableModel, WorkbookModel } from "../model";
import { isErrorValue } from "../model";
import { cellKey, prepareRecalculation, recalculate, sameValue, type CellKey } from "./evaluate";

/** A sheet from plain values; a [cached, formula] pair makes a formula cell. */
function sheet(name: string, rows: (CellScalar | [CellScalar, string])[][]): SheetModel {
  return {
    name,
    rows: rows.map((r) =>
      r.map((v): CellModel => (Array.isArray(v) ? { v: v[0], f: v[1] } : { v }))
    ),
  };
}

const SUMIFS = "SUMIFS(支出台账!$F:$F,支出台账!$C:$C,$A2)";

/** Ledger with one amount typed as text ('7'): Excel's SUMIFS skips it. */
function workbook(extra: SheetModel[] = [], tables: TableModel[] = []): WorkbookModel {
  return {
    source: "test",
    sheets: [
      sheet("预算", [
        ["类别", "预算金额", "实际支出", "执行率"],
        ["人力成本", 100000, [0, SUMIFS], [0, "C2/B2"]],
      ]),
      sheet("支出台账", [
        ["日期", "凭证号", "类别", "明细科目", "摘要", "金额"],
        [45352, "P1", "人力成本", "工资", "", 1000],
        [45353, "P2", "人力成本", "工资", "", "7"],
        [45354, "P3", "服务性支出", "活动物资", "", 500],
        [45355, "P4", "人力成本", "社保", "", 250],
      ]),
      ...extra,
    ],
    tables,
    names: [],
  };
}

/** The ledger as table Ledger over `ref`, and a sheet S summing its 服务性支出 by structured reference. */
function ledgerSumifs(ref: string): WorkbookModel {
  const ledger: TableModel = {
    name: "Ledger",
    sheet: "支出台账",
    ref,
    headerRowCount: 1,
    totalsRowCount: 0,
    columns: ["日期", "凭证号", "类别", "明细科目", "摘要", "金额"],
  };
  return workbook(
    [sheet("S", [[[0, 'SUMIFS(Ledger[金额],Ledger[类别],"服务性支出")']]])],
    [ledger]
  );
}

function valueOf(model: WorkbookModel, key: CellKey): CellScalar {
  const r = recalculate(model, [key]).get(cellKey(key));
  if (!r || !r.ok) throw new Error(`not recalculated: ${JSON.stringify(r)}`);
  return r.value;
}

describe("recalculate", () => {
  it("sums a CJK-named ledger sheet by category, skipping an amount stored as text", () => {
    expect(valueOf(workbook(), { sheet: "预算", row: 1, col: 2 })).toBe(1250);
  });

  it("follows formulas transitively: the rate reaches the SUMIFS, which reaches the ledger", () => {
    expect(valueOf(workbook(), { sheet: "预算", row: 1, col: 3 })).toBeCloseTo(0.0125, 10);
  });

  it("keeps text that looks like a number as text, so SUM ignores it as Excel does", () => {
    const model = workbook([sheet("S", [[1, [0, "SUM(A1:A3)"]], ["7"], [2]])]);
    expect(valueOf(model, { sheet: "S", row: 0, col: 1 })).toBe(3);
  });

  it("converts text with thousands separators or a ¥ sign in arithmetic, as Excel does", () => {
    const model = workbook([
      sheet("S", [
        ["100,000.00", [0, "IF(A1>0,B2/A1,0)"]],
        ["¥1,200", 50000, [0, "A2*1"]],
        ["abc", [0, "A3*1"]],
      ]),
    ]);
    expect(valueOf(model, { sheet: "S", row: 0, col: 1 })).toBe(0.5);
    expect(valueOf(model, { sheet: "S", row: 1, col: 2 })).toBe(1200);
    expect(valueOf(model, { sheet: "S", row: 2, col: 1 })).toEqual({ error: "#VALUE!" });
  });

  it("gives an error value for a reference to a sheet that does not exist", () => {
    const model = workbook([sheet("S", [[[0, "SUM(缺失!A1:A3)"]]])]);
    expect(isErrorValue(valueOf(model, { sheet: "S", row: 0, col: 0 }))).toBe(true);
  });

  it("resolves structured references through the table objects", () => {
    const model = ledgerSumifs("A1:F5");
    expect(valueOf(model, { sheet: "S", row: 0, col: 0 })).toBe(500);
  });

  it("reads a table defined down to the grid's last row only as far as its sheet is filled", () => {
    const model = ledgerSumifs("A1:XFD1048576");
    expect(valueOf(model, { sheet: "S", row: 0, col: 0 })).toBe(500);
    // HyperFormula is handed the filled rows, not a million empty ones to build one by one
    // (which took seconds and most of a gigabyte).
    const prepared = prepareRecalculation(model, [{ sheet: "S", row: 0, col: 0 }]);
    const formula = String(prepared.sheets.find(([name]) => name === "S")![1][0][0]);
    expect(formula).toMatch(/\$F\$2:\$F\$5\b/);
    expect(formula).not.toContain("1048576");
  });

  it("reports a formula it cannot translate as not recalculated, without throwing", () => {
    const model = workbook([sheet("S", [[[0, "SUM(Nope[X])"]]])]);
    const r = recalculate(model, [{ sheet: "S", row: 0, col: 0 }]).get("S!0:0");
    expect(r?.ok).toBe(false);
  });

  it("never reads a huge sheet the formulas do not reach", () => {
    // A million-row sheet whose every row read is recorded: none may be touched.
    const touched: string[] = [];
    const rows = new Proxy(new Array<(CellModel | undefined)[]>(1_000_000), {
      get(target, prop, receiver) {
        if (typeof prop === "string" && /^\d+$/.test(prop)) touched.push(prop);
        return Reflect.get(target, prop, receiver);
      },
    });
    const model = workbook([{ name: "备注", rows }]);
    expect(valueOf(model, { sheet: "预算", row: 1, col: 2 })).toBe(1250);
    expect(touched).toEqual([]);
  });
});

describe("sameValue", () => {
  it("ignores floating-point noise but not a one-cent difference", () => {
    expect(sameValue(0.3, 0.1 + 0.2)).toBe(true);
    expect(sameValue(160000, 160000.01)).toBe(false);
  });

  it("treats blank and empty text alike, compares errors by code, and never equates text with a number", () => {
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue({ error: "#REF!" }, { error: "#REF!" })).toBe(true);
    expect(sameValue({ error: "#REF!" }, { error: "#N/A" })).toBe(false);
    expect(sameValue("100", 100)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
  });
});

describe("formulas too deep or too long for HyperFormula's parser", () => {
  const at = (col: number): CellKey => ({ sheet: "S", row: 0, col });
  const book = (formulas: string[]): WorkbookModel => ({
    source: "test",
    sheets: [sheet("S", [[1, ...formulas.map((f): [CellScalar, string] => [0, f])]])],
    tables: [],
    names: [],
  });

  it("does not recalculate a formula nested past 64 levels, and says so; the others still are", () => {
    const deep = "(".repeat(65) + "1" + ")".repeat(65);
    const r = recalculate(book([deep, "A1*2", "-".repeat(65) + "1"]), [at(1), at(2), at(3)]);
    expect(r.get(cellKey(at(1)))).toMatchObject({ ok: false, reason: { zh: /嵌套层数过多/ } });
    expect(r.get(cellKey(at(2)))).toEqual({ ok: true, value: 2 });
    expect(r.get(cellKey(at(3)))).toMatchObject({ ok: false });
    // 64 levels are fine.
    const fine = "(".repeat(64) + "1" + ")".repeat(64);
    expect(recalculate(book([fine]), [at(1)]).get(cellKey(at(1)))).toEqual({ ok: true, value: 1 });
  });

  it("fails only the formulas that reach one too long to parse, never the whole workbook", () => {
    // Longer than any stack this runs on (Node, jest, a browser worker) lets the parser go.
    const long = "1" + "+1".repeat(60000);
    const r = recalculate(book([long, "A1*2", "B1+1"]), [at(1), at(2), at(3)]);
    expect(r.get(cellKey(at(1)))).toMatchObject({ ok: false, reason: { en: /too complex/ } });
    expect(r.get(cellKey(at(2)))).toEqual({ ok: true, value: 2 });
    // C1 adds to B1: it cannot be recalculated either.
    expect(r.get(cellKey(at(3)))).toMatchObject({ ok: false });
  });
});
