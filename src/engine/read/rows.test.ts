import type { CellModel } from "../model";
import { isFooterRow, isTotalLabel, nonDataRow } from "./rows";

const cells = (...values: (string | number | null)[]): (CellModel | undefined)[] =>
  values.map((v) => (v === null ? undefined : { v }));
const SPAN = { first: 0, last: 6 };
const HEADERS = [
  "日期 Date",
  "凭证号 Voucher no.",
  "类别 Category",
  "明细科目",
  "摘要",
  "金额",
  "收款方",
];
const COLUMNS = { date: 0, voucher: 1, category: 2, subject: 3, summary: 4, amount: 5, payee: 6 };

describe("isTotalLabel", () => {
  it.each([
    "合计",
    "合  计",
    "合计：",
    "小计",
    "总计",
    "累计",
    "本页小计",
    "本月合计",
    "6月合计",
    "2024年合计",
    "第二季度小计",
    "合计金额",
    "合计（元）",
    "Total",
    "Subtotal",
    "Sub-total",
    "三月小计",
    "上半年合计",
    "1-6月合计",
    "本年累计发生额",
    "承上页累计",
    "小计（6月）",
    "合计：160,000.00",
    "合计：12家",
    "共计12家",
    "合计28份",
    "人次合计",
    "金额合计",
  ])("reads %p as a totals label", (text) => {
    expect(isTotalLabel(text)).toBe(true);
  });

  it("reads a total named by the table's own columns or categories", () => {
    const words = ["人力成本", "服务性支出", "受益人数", "折合金额"];
    for (const text of ["人力成本合计", "人力成本小计", "受益人数合计", "折合金额合计"])
      expect(isTotalLabel(text, words)).toBe(true);
    expect(isTotalLabel("人力成本合计")).toBe(false);
  });

  it.each([
    "3月工资合计发放",
    "合计发放工资",
    "3月工资合计",
    "工资",
    "合同",
    "",
    "累计培训 3 场的讲师费",
  ])("does not read %p as one", (text) => {
    expect(isTotalLabel(text)).toBe(false);
  });
});

describe("nonDataRow", () => {
  it("finds a totals label in any column of the row", () => {
    expect(
      nonDataRow(cells(null, null, null, null, "本页小计", 5000), SPAN, HEADERS, COLUMNS)
    ).toEqual({
      kind: "total",
      col: 4,
    });
  });

  it("finds the headers repeated, with or without their English glosses", () => {
    const row = cells("日期", "凭证号", "类别", "明细科目", "摘要", "金额", "收款方");
    expect(nonDataRow(row, SPAN, HEADERS, COLUMNS)).toEqual({ kind: "header", col: 0 });
  });

  it("leaves a row with a mistake in it as data", () => {
    expect(nonDataRow(cells("下周", "P1", "", "", "工资", 100), SPAN, HEADERS, COLUMNS)).toBeNull();
    // One cell that happens to equal its header is not a header row.
    expect(nonDataRow(cells("", "P1", "类别", "", "工资", 100), SPAN, HEADERS, COLUMNS)).toBeNull();
  });
});

describe("isFooterRow", () => {
  it.each([
    "制表人：张三",
    "制表：张三",
    "审核：李四",
    "单位负责人:",
    "注：金额单位为元",
    "备注：",
  ])("reads %p as a signature or note line", (text) => {
    expect(isFooterRow(cells(text), SPAN)).toBe(true);
  });

  it("does not read data as one", () => {
    expect(isFooterRow(cells("2024-03-05", "制表人：张三"), SPAN)).toBe(false);
    expect(isFooterRow(cells(45356), SPAN)).toBe(false);
    expect(isFooterRow(cells("注册登记费"), SPAN)).toBe(false);
  });
});
