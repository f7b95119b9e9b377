/** 审核意见 read with the tolerance of every table (workbook-contract.md, "How strict a reader must be"). */
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../testing/fixture";
import { countBySeverity } from "../findings";
import { reviewValues } from "./rows";

function faulty(): Fixture {
  const fx = compliantFixture();
  fx.budget["人力成本"] = 110000;
  fx.budget["服务性支出"] = 30000;
  return fx;
}

function acceptedRow(fx: Fixture) {
  const f = checkFixture(fx).findings.find((x) => x.rule === "BUD-PERSONNEL" && x.cell === "B2")!;
  return reviewValues(f, {
    decision: "认可",
    reason: "已批准",
    reviewer: "王科长",
    date: "2024-09-10",
  }).values;
}

describe("reading 审核意见", () => {
  it("finds the columns through header noise: glosses, full-width forms, colons, stars, reordering", () => {
    const fx = faulty();
    fx.reviews = [acceptedRow(fx)];
    const report = checkFixture(fx, {
      layout: {
        reviewsLayout: {
          headers: {
            rule: "规则编号",
            location: "位置：",
            summary: "问题摘要 Summary of the finding",
            fingerprint: "*指纹 Fingerprint",
            explanation: "情况 说明",
            decision: "处理意见\nDecision",
            reason: "处理理由 Reason",
            reviewer: "处理人：",
            decidedOn: "处理日期（yyyy-mm-dd）",
          },
        },
      },
    });
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual([]);
    expect(countBySeverity(report.findings).accepted).toBe(1);
  });

  it("finds the table by its header row when the table object is gone, with a warning", () => {
    const fx = faulty();
    fx.reviews = [acceptedRow(fx)];
    const report = checkFixture(fx, {
      layout: { reviewsLayout: { noTableObject: true, above: ["审核意见登记表", ""] } },
    });
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual(["warning 审核意见!A3"]);
    expect(countBySeverity(report.findings).accepted).toBe(1);
    expect(report.reviews).toMatchObject({ sheet: "审核意见", headerRow: 2, foundBy: "header" });
    expect(report.reviews!.rows[0]).toMatchObject({ row: 3, decision: "认可", valid: true });
  });

  it("says a missing column is missing, as for any table", () => {
    const fx = faulty();
    fx.reviews = [acceptedRow(fx)];
    const report = checkFixture(fx, {
      layout: { reviewsLayout: { headers: { fingerprint: "备注" } } },
    });
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual(["error 审核意见!A1:I1"]);
    expect(report.findings.find((f) => f.rule === "WB-STRUCTURE")!.message.zh).toContain(
      "「指纹」"
    );
    expect(countBySeverity(report.findings).accepted).toBe(0);
  });

  it("warns when the sheet is there but no header row can be found, and applies nothing", () => {
    const fx = faulty();
    fx.reviews = [acceptedRow(fx)];
    const headers = Object.fromEntries(
      [
        "rule",
        "location",
        "summary",
        "fingerprint",
        "explanation",
        "decision",
        "reason",
        "reviewer",
        "decidedOn",
      ].map((k, i) => [k, `第${i + 1}列`])
    );
    const report = checkFixture(fx, {
      layout: { reviewsLayout: { headers, noTableObject: true } },
    });
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual(["warning 审核意见!-"]);
    expect(report.reviews).toBeUndefined();
  });

  it("skips blank rows and reads placeholder words as blank (a reason of 无 is no reason)", () => {
    const fx = faulty();
    const row = acceptedRow(fx);
    fx.reviews = [{}, { ...row, reason: "无" }];
    const report = checkFixture(fx);
    expect(findingsOf(report, "WB-VALUE")).toEqual(["error 审核意见!G3"]);
    expect(countBySeverity(report.findings).accepted).toBe(0);
  });

  it("reads a fingerprint typed in capitals and a decision with stray spaces", () => {
    const fx = faulty();
    const row = acceptedRow(fx);
    fx.reviews = [
      { ...row, fingerprint: String(row.fingerprint).toUpperCase(), decision: " 认可 " },
    ];
    const report = checkFixture(fx);
    expect(countBySeverity(report.findings).accepted).toBe(1);
  });
});
