import type { TableModel } from "../model";
import { FormulaTranslationError, toHyperFormula } from "./translate";

// The template's budget table: header row 1, data rows 2-4, totals row 5.
const BUDGET: TableModel = {
  name: "Budget",
  sheet: "预算",
  ref: "A1:D5",
  headerRowCount: 1,
  totalsRowCount: 1,
  columns: ["类别 Category", "预算金额 Planned", "实际支出 Actual", "执行率 Rate"],
};
// Column names that Excel must escape inside [ ]: brackets and an apostrophe.
const ODD: TableModel = {
  name: "Odd",
  sheet: "Data",
  ref: "A1:C3",
  headerRowCount: 1,
  totalsRowCount: 0,
  columns: ["Name", "Amount [yuan]", "Owner's"],
};
const TABLES = [BUDGET, ODD];
const ELSEWHERE = { sheet: "汇总", row: 0, col: 0 };
// A formula in column C of the third budget row (row index 2 = A1 row 3).
const IN_BUDGET = { sheet: "预算", row: 2, col: 2 };

const tr = (f: string, site = ELSEWHERE) => toHyperFormula(f, site, TABLES);

describe("separators", () => {
  it("separates arguments with ';' and array rows with '|', so ',' can group thousands", () => {
    expect(tr('SUM(A1,B1,"a,b")')).toBe('SUM(A1;B1;"a,b")');
    expect(tr("SUM({1,2;3,4})")).toBe("SUM({1;2|3;4})");
    expect(tr("IF(A1>0,'a,b'!B1,0)")).toBe("IF(A1>0;'a,b'!B1;0)");
  });
});

describe("sheet names", () => {
  it("quotes unquoted non-ASCII sheet names, which HyperFormula cannot parse bare", () => {
    expect(tr("SUMIFS(支出台账!$F:$F,支出台账!$C:$C,$A2)")).toBe(
      "SUMIFS('支出台账'!$F:$F;'支出台账'!$C:$C;$A2)"
    );
  });

  it("leaves quoted sheet names, plain ASCII sheet names and string literals alone", () => {
    expect(tr("'支出台账'!A1+Sheet1!B2")).toBe("'支出台账'!A1+Sheet1!B2");
    expect(tr('IF(A1="支出台账!A1","TRUE",0)')).toBe('IF(A1="支出台账!A1";"TRUE";0)');
  });
});

describe("literals and prefixes", () => {
  it("turns TRUE/FALSE literals into the functions HyperFormula knows, but not TRUE() twice", () => {
    expect(tr("IF(A1,TRUE,FALSE)")).toBe("IF(A1;TRUE();FALSE())");
    expect(tr("AND(TRUE(),B1)")).toBe("AND(TRUE();B1)");
  });

  it("drops the _xlfn. prefix Excel stores for newer functions", () => {
    expect(tr("_xlfn.IFS(A1>0,1,TRUE,0)")).toBe("IFS(A1>0;1;TRUE();0)");
  });

  it("drops both prefixes of _xlfn._xlws., which Excel stores for FILTER and SORT", () => {
    expect(tr("_xlfn._xlws.FILTER(A1:A3,B1:B3)")).toBe("FILTER(A1:A3;B1:B3)");
  });
});

describe("structured references", () => {
  it("resolves a column to its data body, sheet-qualified only from another sheet", () => {
    expect(tr("SUM(Budget[预算金额 Planned])")).toBe("SUM('预算'!$B$2:$B$4)");
    expect(tr("SUM(Budget[预算金额 Planned])", IN_BUDGET)).toBe("SUM($B$2:$B$4)");
  });

  it("resolves [#This Row] and [@Col] to the formula row", () => {
    expect(tr("Budget[[#This Row],[类别 Category]]", IN_BUDGET)).toBe("$A$3");
    expect(tr("[@[预算金额 Planned]]*2", IN_BUDGET)).toBe("$B$3*2");
  });

  it("resolves #Totals, #All and a column range", () => {
    expect(tr("Budget[[#Totals],[预算金额 Planned]]")).toBe("'预算'!$B$5");
    expect(tr("ROWS(Budget[#All])")).toBe("ROWS('预算'!$A$1:$D$5)");
    expect(tr("SUM(Budget[[预算金额 Planned]:[实际支出 Actual]])")).toBe("SUM('预算'!$B$2:$C$4)");
  });

  it("resolves [[#Data],[#Totals]] to the data body plus the totals row, as Excel does", () => {
    expect(tr("SUM(Budget[[#Data],[#Totals],[预算金额 Planned]])")).toBe("SUM('预算'!$B$2:$B$5)");
  });

  it("unescapes column names written with ' before [ ] and '", () => {
    expect(tr("SUM(Odd[Amount '[yuan']])")).toBe("SUM(Data!$B$2:$B$3)");
    expect(tr("COUNTA(Odd[Owner''s])")).toBe("COUNTA(Data!$C$2:$C$3)");
  });

  it("throws FormulaTranslationError for an unknown table or column, or [@Col] outside a table", () => {
    expect(() => tr("SUM(Nope[Col])")).toThrow(FormulaTranslationError);
    expect(() => tr("SUM(Budget[不存在])")).toThrow(FormulaTranslationError);
    expect(() => tr("[@Name]", { sheet: "汇总", row: 5, col: 5 })).toThrow(FormulaTranslationError);
  });
});
