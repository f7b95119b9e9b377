import type { CellScalar, SheetModel, TableModel, WorkbookModel } from "../model";
import { NAMES, TABLES, type NameKey, type TableName } from "../contract/tables";
import { headerMatches, locateName, locateTable } from "./locate";

const table = (name: TableName) => TABLES.find((t) => t.name === name)!;
const field = (name: TableName, key: string) => table(name).fields.find((f) => f.key === key)!;
const nameDef = (key: NameKey) => NAMES.find((n) => n.name === key)!;

function sheet(name: string, rows: CellScalar[][]): SheetModel {
  return { name, rows: rows.map((r) => r.map((v) => ({ v }))) };
}
function model(
  sheets: SheetModel[],
  tables: TableModel[] = [],
  names: WorkbookModel["names"] = []
): WorkbookModel {
  return { source: "test", sheets, tables, names };
}

// Ledger header in a shuffled order, with glosses and a unit suffix.
const LEDGER_HEADER = ["金额（元） Amount", "类别 Category", "日期", "凭证号", "备注（自加列）"];
const LEDGER_ROW = [1200, "人力成本", 45352, "P1", ""];

describe("headerMatches", () => {
  it("does not take a qualified header for the field", () => {
    expect(headerMatches("金额（大写）", field("Ledger", "amount"))).toBe(false);
    expect(headerMatches("金额：", field("Ledger", "amount"))).toBe(true);
  });

  it("accepts glosses, full-width parentheses, unit suffixes and spaces", () => {
    const amount = field("Ledger", "amount");
    expect(headerMatches("金额 Amount", amount)).toBe(true);
    expect(headerMatches("金额（元）", amount)).toBe(true);
    expect(headerMatches("金额(元) Amount (yuan)", amount)).toBe(true);
    expect(headerMatches("金 额", amount)).toBe(true);
  });

  it("does not match another field or a header that merely contains the name", () => {
    expect(headerMatches("凭证号", field("Ledger", "amount"))).toBe(false);
    expect(headerMatches("从业起始日期", field("Ledger", "date"))).toBe(false);
    expect(headerMatches("", field("Ledger", "date"))).toBe(false);
  });
});

describe("locateTable", () => {
  it("finds a table by its object and maps reordered columns by header text", () => {
    const ws = sheet("台账（改名）", [LEDGER_HEADER, LEDGER_ROW, LEDGER_ROW]);
    const obj: TableModel = {
      name: "Ledger",
      sheet: ws.name,
      ref: "A1:E3",
      headerRowCount: 1,
      totalsRowCount: 0,
      columns: LEDGER_HEADER,
    };
    const loc = locateTable(model([ws], [obj]), table("Ledger"));
    if (typeof loc === "string") throw new Error(loc);
    expect(loc).toMatchObject({ foundBy: "table", headerRow: 0, firstDataRow: 1, lastDataRow: 2 });
    expect(loc.columns).toMatchObject({ amount: 0, category: 1, date: 2, voucher: 3 });
    expect(loc.missing.map((f) => f.key)).toEqual(
      expect.arrayContaining(["subject", "summary", "payee"])
    );
  });

  it("without a table object, finds the header row below a title, within the first 10 rows", () => {
    const title: CellScalar[] = ["支出台账（2024年度）"];
    const ws = sheet("支出台账", [...Array(9).fill(title), LEDGER_HEADER, LEDGER_ROW]);
    const loc = locateTable(model([ws]), table("Ledger"));
    if (typeof loc === "string") throw new Error(loc);
    expect(loc).toMatchObject({ foundBy: "header", headerRow: 9, firstDataRow: 10 });
    expect(loc.columns.amount).toBe(0);
  });

  it("does not look for the header beyond the 10th row", () => {
    const ws = sheet("支出台账", [...Array(10).fill(["说明"]), LEDGER_HEADER, LEDGER_ROW]);
    expect(locateTable(model([ws]), table("Ledger"))).toBe("no-header");
  });

  it("reads 金额 from its own column when 金额（大写） stands left of it", () => {
    const header = ["日期", "类别", "金额（大写）", "金额", "凭证号"];
    const loc = locateTable(model([sheet("支出台账", [header])]), table("Ledger"));
    if (typeof loc === "string") throw new Error(loc);
    expect(loc.columns.amount).toBe(3);
    expect(loc.ambiguous).toEqual([]);
  });

  it("names a qualified column as a near miss when the field's own column is absent", () => {
    const header = ["日期", "类别", "金额（大写）", "凭证号"];
    const loc = locateTable(model([sheet("支出台账", [header])]), table("Ledger"));
    if (typeof loc === "string") throw new Error(loc);
    expect(loc.columns.amount).toBeUndefined();
    expect(loc.missing.map((f) => f.key)).toContain("amount");
    expect(loc.nearMisses.amount).toEqual([2]);
  });

  it("never picks one of two columns that could each be the field", () => {
    for (const header of [
      ["日期", "类别", "金额", "金额（元）"],
      ["日期", "类别", "支出金额", "发生额"],
    ]) {
      const loc = locateTable(model([sheet("支出台账", [header])]), table("Ledger"));
      if (typeof loc === "string") throw new Error(loc);
      expect(loc.columns.amount).toBeUndefined();
      expect(loc.ambiguous.map((a) => [a.field.key, a.columns])).toEqual([["amount", [2, 3]]]);
      expect(loc.missing.map((f) => f.key)).toContain("amount");
    }
  });

  it("lets the canonical header win over an alias", () => {
    const loc = locateTable(
      model([sheet("支出台账", [["日期", "类别", "支出金额", "金额："]])]),
      table("Ledger")
    );
    if (typeof loc === "string") throw new Error(loc);
    expect(loc.columns.amount).toBe(3);
    expect(loc.ambiguous).toEqual([]);
  });

  it("stops at a signature line below a table found by its header", () => {
    const ws = sheet("支出台账", [LEDGER_HEADER, LEDGER_ROW, LEDGER_ROW, [], ["制表人：张三"]]);
    const loc = locateTable(model([ws]), table("Ledger"));
    if (typeof loc === "string") throw new Error(loc);
    expect(loc.lastDataRow).toBe(2);
  });

  it("reports a missing sheet", () => {
    expect(locateTable(model([sheet("其他", [LEDGER_HEADER])]), table("Ledger"))).toBe("no-sheet");
  });
});

describe("locateName", () => {
  const info = sheet("项目信息", [
    ["项目名称", "示例项目"],
    ["合同开始日期", 45352],
    ["合同金额(元)", 160000],
  ]);

  it("prefers the defined name", () => {
    const names = [
      { name: "ContractStart", sheet: "项目信息", ref: "D9", formula: "项目信息!$D$9" },
    ];
    expect(locateName(model([info], [], names), nameDef("ContractStart"))).toMatchObject({
      row: 8,
      col: 3,
      foundBy: "name",
    });
  });

  it("falls back to the label in column A, with the value beside it", () => {
    expect(locateName(model([info]), nameDef("ContractStart"))).toMatchObject({
      sheet: "项目信息",
      row: 1,
      col: 1,
      foundBy: "label",
    });
    expect(locateName(model([info]), nameDef("ContractAmount"))).toMatchObject({
      row: 2,
      col: 1,
      foundBy: "label",
    });
    expect(locateName(model([info]), nameDef("ContractEnd"))).toBeNull();
  });

  it("reads labels typed with a colon, and a value typed into the label's own cell", () => {
    const form = sheet("项目信息", [
      ["项目名称：", "示例项目"],
      ["合同金额（元）:", "16万元"],
      ["报告截止日期：2025年3月5日"],
    ]);
    expect(locateName(model([form]), nameDef("ProjectName"))).toMatchObject({ row: 0, col: 1 });
    expect(locateName(model([form]), nameDef("ContractAmount"))).toMatchObject({ row: 1, col: 1 });
    expect(locateName(model([form]), nameDef("AsOfDate"))).toMatchObject({
      row: 2,
      col: 0,
      inline: "2025年3月5日",
    });
  });

  it("finds a label in another column of a two-column form, and the value after a gap", () => {
    const form = sheet("项目信息", [["项目名称", "示例项目", "项目编号", null, "P-1"]]);
    expect(locateName(model([form]), nameDef("ProjectCode"))).toMatchObject({ row: 0, col: 4 });
    // An empty value beside a label stays that cell, never the next label's value.
    const gap = sheet("项目信息", [["项目名称", null, "项目编号", "P-1"]]);
    expect(locateName(model([gap]), nameDef("ProjectName"))).toMatchObject({ row: 0, col: 1 });
  });

  it("prefers a name on the form to one pointing at an old copy of it", () => {
    const old = sheet("项目信息（旧）", [["项目名称", "旧项目"]]);
    const names = [
      { name: "ProjectName", sheet: "项目信息（旧）", ref: "B1", formula: "'项目信息（旧）'!$B$1" },
      {
        name: "ProjectName",
        sheet: "项目信息",
        ref: "B1",
        formula: "项目信息!$B$1",
        scope: "项目信息",
      },
    ];
    expect(locateName(model([info, old], [], names), nameDef("ProjectName"))).toMatchObject({
      sheet: "项目信息",
      row: 0,
    });
  });

  it("reads names scoped to a sheet, and prefers the workbook's own", () => {
    const scoped = {
      name: "ContractStart",
      sheet: "项目信息",
      ref: "B2",
      formula: "项目信息!$B$2",
    };
    const global = {
      name: "ContractStart",
      sheet: "项目信息",
      ref: "C7",
      formula: "项目信息!$C$7",
    };
    expect(
      locateName(model([info], [], [{ ...scoped, scope: "项目信息" }]), nameDef("ContractStart"))
    ).toMatchObject({ row: 1, col: 1, foundBy: "name" });
    expect(
      locateName(
        model([info], [], [{ ...scoped, scope: "项目信息" }, global]),
        nameDef("ContractStart")
      )
    ).toMatchObject({ row: 6, col: 2, foundBy: "name" });
  });
});
