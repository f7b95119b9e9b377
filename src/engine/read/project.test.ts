/**
 * Reading files the way clerks fill them in (workbook-contract.md, "How strict a reader must
 * be"): each class read as the contract says, with the false-error direction beside it (the
 * clean variant gives no error). Built on the compliant fixture, which has no finding at all.
 */
import { checkWorkbook, type ProjectReport } from "../check";
import type { CellScalar, WorkbookModel } from "../model";
import { bundledRuleSet } from "../rulesets/ruleset";
import {
  checkFixture,
  compliantFixture,
  findingsOf,
  toModel,
  type Fixture,
} from "../testing/fixture";
import { parseA1 } from "../util/address";

const ruleset = bundledRuleSet();
const check = (model: WorkbookModel) => checkWorkbook(model, { ruleset });
const lines = (r: ProjectReport) =>
  r.findings.map(
    (f) =>
      `${f.rule} ${f.severity}${f.status ? `/${f.status}` : ""} ${f.sheet ?? "-"}!${f.cell ?? "-"}`
  );

function put(model: WorkbookModel, sheet: string, ref: string, v: CellScalar) {
  const s = model.sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseA1(ref)!;
  (s.rows[row] ??= [])[col] = { v };
}

/** The fixture with one more ledger row, inside the table. */
function withLedgerRow(
  row: Fixture["tables"]["Ledger"] extends (infer R)[] | undefined ? R : never
) {
  const fx = compliantFixture();
  fx.tables.Ledger!.push(row);
  return fx;
}

describe("a totals row typed into a table", () => {
  it("is one warning on the row, left out of every sum and count", () => {
    // 16 ledger rows in the fixture: the typed total lands on row 18.
    const report = checkFixture(withLedgerRow({ summary: "合计", amount: 150_000 }));
    expect(lines(report)).toEqual(["WB-VALUE warning 支出台账!A18:G18"]);
    expect(report.project.tables.Ledger!.rows).toHaveLength(16);
    expect(report.budget!.find((b) => b.category === "total")!.actual).toBe(160_000);
  });

  it.each([
    [{ date: "合计", amount: 150_000 }],
    [{ voucher: "本页小计", amount: 40_000 }],
    [{ category: "人力成本", summary: "小计", amount: 100_000 }],
    [{ date: "2024-12-31", summary: "12月合计", amount: 20_000 }],
    [{ summary: "合 计：", amount: 150_000, payee: "/" }],
  ])("is read as such whatever its label and where it stands: %j", (row) => {
    const report = checkFixture(withLedgerRow(row));
    expect(lines(report)).toEqual(["WB-VALUE warning 支出台账!A18:G18"]);
  });

  it("is not a row with a valid date and category, whatever its description says", () => {
    const fx = withLedgerRow({
      date: "2024-12-20",
      voucher: "X-1",
      category: "评估及其他",
      summary: "合计",
      amount: 100,
    });
    fx.tables.Ledger![fx.tables.Ledger!.length - 2].amount = 9_900; // keep the totals on their caps
    const report = checkFixture(fx);
    expect(lines(report)).toEqual([]);
    expect(report.project.tables.Ledger!.rows).toHaveLength(17);
  });

  it("in the budget table, is one warning: no total overrun, no formula or totals finding", () => {
    const fx = compliantFixture();
    (fx.budget as Record<string, number>)["合计"] = 160_000;
    const report = checkFixture(fx);
    expect(lines(report)).toEqual(["WB-VALUE warning 预算!A5:D5"]);
  });

  it("in a KPI table, does not count twice", () => {
    const fx = compliantFixture();
    fx.tables.CharityResources!.push({ source: "合计", value: 5_000 });
    const report = checkFixture(fx);
    expect(lines(report)).toEqual(["WB-VALUE warning 慈善资源!A3:E3"]);
    const charity = report.measures.find((m) => m.rule === "KPI-CHARITY")!.measures[0];
    expect(charity.actual).toBe(5_000);
  });
});

describe("the headers repeated inside a table (after a page break)", () => {
  it("are one warning, not a row of unreadable values", () => {
    const fx = withLedgerRow({
      date: "日期",
      voucher: "凭证号",
      category: "类别",
      subject: "明细科目",
      summary: "摘要",
      amount: "金额",
      payee: "收款方",
    });
    expect(lines(checkFixture(fx))).toEqual(["WB-VALUE warning 支出台账!A18:G18"]);
  });
});

describe("placeholders", () => {
  it("read as blank in optional fields: no finding", () => {
    const fx = compliantFixture();
    for (const s of fx.tables.Staff!) {
      s.otherProject = "无";
      s.left = "/";
    }
    fx.tables.Staff![1].certNumber = "/";
    fx.tables.Ledger![0].payee = "—";
    expect(lines(checkFixture(fx))).toEqual([]);
  });

  it("read as blank in a required field: the error says what stood there", () => {
    const fx = compliantFixture();
    fx.tables.Activities![0].title = "无";
    const report = checkFixture(fx);
    expect(lines(report)).toEqual(["WB-VALUE error 服务活动!B2"]);
    expect(report.findings[0].message.zh).toContain("「无」视为未填");
  });

  it("under a rule's own field, that rule reports it as empty", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].amount = "-";
    const report = checkFixture(fx);
    expect(findingsOf(report, "LED-AMOUNT")).toEqual(["error 支出台账!F2"]);
    expect(findingsOf(report, "WB-VALUE")).toEqual([]);
    expect(report.findings.find((f) => f.rule === "LED-AMOUNT")!.message.zh).toBe(
      "金额未填写（「-」视为未填）。"
    );
  });
});

describe("a field required once another is filled (备案编号 once 乡镇备案日期 is set)", () => {
  it("is an error on the empty field", () => {
    const fx = compliantFixture();
    fx.tables.CommunityOrgs![0].filingNumber = "无";
    const report = checkFixture(fx);
    expect(findingsOf(report, "WB-VALUE")).toEqual(["error 社区社会组织!H2"]);
    expect(report.findings.find((f) => f.rule === "WB-VALUE")!.message.zh).toBe(
      "已填写「乡镇备案日期」，填写的「无」视为未填，「备案编号」不能为空。"
    );
  });

  it("is nothing while the other field is blank too", () => {
    const fx = compliantFixture();
    fx.tables.CommunityOrgs!.push({
      ...fx.tables.CommunityOrgs![0],
      name: "新组织",
      filedOn: null,
      filingNumber: null,
    });
    expect(findingsOf(checkFixture(fx), "WB-VALUE")).toEqual([]);
  });
});

describe("columns", () => {
  it("reads 金额 beside 金额（大写） without a word, and the amounts stay right", () => {
    const model = toModel(compliantFixture());
    put(model, "支出台账", "G1", "金额（大写）"); // the payee column retitled
    const report = check(model);
    expect(findingsOf(report, "LED-AMOUNT")).toEqual([]);
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual(["warning 支出台账!A1:G1"]); // 收款方 gone
  });

  it("names both candidates when two columns could be 金额, and checks nothing on a guess", () => {
    const model = toModel(compliantFixture());
    put(model, "支出台账", "G1", "金额（元）");
    const report = check(model);
    const structure = report.findings.filter((f) => f.rule === "WB-STRUCTURE");
    expect(structure.map((f) => `${f.severity} ${f.cell}`)).toContain("error F1");
    const ambiguous = structure.find((f) => f.cell === "F1")!;
    expect(ambiguous.message.zh).toContain("F1「金额 Amount」、G1「金额（元）」");
    expect(findingsOf(report, "LED-AMOUNT")).toEqual(["info/not-checked -!-"]);
    expect(findingsOf(report, "BUD-TOTAL")).toEqual(["info/not-checked -!-"]);
  });

  it("says which qualified column is not the field when the field's own is gone", () => {
    const model = toModel(compliantFixture());
    put(model, "支出台账", "F1", "金额（大写）");
    const report = check(model);
    const missing = report.findings.find((f) => f.rule === "WB-STRUCTURE")!;
    expect(missing.severity).toBe("error");
    expect(missing.message.zh).toBe(
      "「支出台账」表缺少「金额」列（F1「金额（大写）」是另一项内容，不能代替「金额」）。"
    );
  });

  it("reads a colon, a star or a unit in any header", () => {
    const model = toModel(compliantFixture());
    put(model, "服务活动", "A1", "*日期：");
    put(model, "服务活动", "F1", "受益人数（人）");
    put(model, "培训", "D1", "参训人次：");
    expect(lines(check(model))).toEqual([]);
  });

  it("scales numbers under a header in 万元, with a warning on each", () => {
    const fx = compliantFixture();
    for (const r of fx.tables.CharityResources!) r.value = 0.5;
    const model = toModel(fx);
    put(model, "慈善资源", "D1", "折合金额（万元）");
    const report = check(model);
    expect(lines(report)).toEqual(["WB-VALUE warning 慈善资源!D2"]);
    expect(report.project.tables.CharityResources!.rows[0].v.value).toBe(5_000);
  });
});

describe("the project form", () => {
  it("reads labels typed with a colon when the names are gone: one warning, every check runs", () => {
    const model = toModel(compliantFixture());
    model.names = [];
    put(model, "项目信息", "A3", "项目名称：");
    put(model, "项目信息", "A10", "合同金额（元）:");
    const report = check(model);
    expect(lines(report)).toEqual(["WB-STRUCTURE warning 项目信息!B3"]);
    expect(report.findings[0].message.zh).toContain("「项目名称」「项目编号（合同编号）」");
  });

  it("reads names scoped to the sheet as names", () => {
    const model = toModel(compliantFixture());
    for (const n of model.names) n.scope = "项目信息";
    expect(lines(check(model))).toEqual([]);
  });

  it("reads 16万元 as 160,000 and a label's unit in 万元 as a scale", () => {
    const model = toModel(compliantFixture());
    put(model, "项目信息", "B10", "16万元");
    expect(lines(check(model))).toEqual(["WB-VALUE warning 项目信息!B10"]);
    const scaled = toModel(compliantFixture());
    scaled.names = scaled.names.filter((n) => n.name !== "ContractAmount");
    put(scaled, "项目信息", "A10", "合同金额（万元）");
    put(scaled, "项目信息", "B10", 17);
    const report = check(scaled);
    expect(report.facts.amount).toBe(170_000);
    expect(findingsOf(report, "PRJ-AMOUNT")).toEqual(["error 项目信息!B10"]);
  });
});

describe("messages", () => {
  it("never show the engine's own names of tables and columns", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutSheets: ["督导"], withoutColumns: ["Staff.certLevel"] },
    });
    const notChecked = report.findings.filter((f) => f.status === "not-checked");
    expect(notChecked.length).toBeGreaterThan(3);
    for (const f of [...notChecked, ...report.findings.filter((x) => x.rule === "WB-STRUCTURE")]) {
      expect(f.message.zh).not.toMatch(/[A-Za-z]{3,}|WB-|\.[a-z]/);
      // English names the sheets in words ("Supervisors"), never by key (Supervisors.certLevel).
      expect(f.message.en).not.toMatch(/[A-Za-z]+\.[a-z]+[A-Z]|certLevel|WB-[A-Z]/);
    }
    const sup = report.findings.find((f) => f.rule === "SUP-CERT")!;
    expect(sup.message.zh).toBe("未检查：缺少「督导」工作表，此项检查无法进行。");
    const stf = report.findings.find((f) => f.rule === "STF-QUALIFIED")!;
    expect(stf.message.zh).toBe("未检查：缺少「人员」表的「证书等级」列，此项检查无法进行。");
  });
});
