/** The API a writer of 审核意见 uses: the row for a finding, its problems, the row to update. */
import { checkFixture, compliantFixture, type FixtureRow } from "../testing/fixture";
import { parseIsoDate } from "../util/dates";
import { findReviewRow, reviewCells, reviewProblems, reviewValues, REVIEW_COLUMNS } from "./rows";
import { countBySeverity } from "../findings";

function setup() {
  const fx = compliantFixture();
  fx.budget["人力成本"] = 110000;
  fx.budget["服务性支出"] = 30000;
  const bare = checkFixture(fx);
  const finding = bare.findings.find((f) => f.rule === "BUD-PERSONNEL" && f.cell === "B2")!;
  return { fx, finding };
}

describe("the row for a finding", () => {
  it("holds rule, place, the message now and the fingerprint; the rest from what a person gave", () => {
    const { finding } = setup();
    const { values, problems } = reviewValues(finding, { explanation: "  已报民政局  " });
    expect(values).toEqual({
      rule: "BUD-PERSONNEL",
      location: "预算!B2",
      summary: finding.message.zh,
      fingerprint: finding.fingerprint,
      explanation: "已报民政局",
      decision: null,
      reason: null,
      reviewer: null,
      decidedOn: null,
    });
    expect(problems).toEqual([]);
  });

  it("says what a decision lacks, in both languages", () => {
    const { finding } = setup();
    const { problems } = reviewValues(finding, { decision: "需整改", reviewer: "王科长" });
    expect(problems.map((p) => p.zh)).toEqual(["请填写处理理由。", "请填写处理日期。"]);
    expect(problems.every((p) => /^[A-Z]/.test(p.en))).toBe(true);
    expect(
      reviewProblems({ ...reviewValues(finding, {}).values, decision: "同意" as never })[0].zh
    ).toContain("认可、不认可或需整改");
  });

  it("updates a row: what is not given is kept, null clears", () => {
    const { fx, finding } = setup();
    fx.reviews = [reviewValues(finding, { explanation: "先写的说明" }).values];
    const report = checkFixture(fx);
    const row = findReviewRow(report.reviews, finding.fingerprint!.toUpperCase())!;
    expect(row).toMatchObject({ row: 1, explanation: "先写的说明" });
    const { values } = reviewValues(
      finding,
      { decision: "认可", reason: "已批准", reviewer: "王科长", date: "2024-09-10" },
      row
    );
    expect(values).toMatchObject({
      explanation: "先写的说明",
      decision: "认可",
      decidedOn: parseIsoDate("2024-09-10"),
    });
    expect(reviewValues(finding, { explanation: null }, row).values.explanation).toBeNull();
    // Written back over the row, the finding is accepted with its explanation.
    fx.reviews = [values as FixtureRow];
    const again = checkFixture(fx);
    expect(countBySeverity(again.findings).accepted).toBe(1);
    expect(again.findings.find((f) => f.review)!.review!.explanation).toBe("先写的说明");
  });

  it("finds no row for a fingerprint the sheet lacks, nor in a workbook without the sheet", () => {
    const { fx, finding } = setup();
    expect(findReviewRow(undefined, finding.fingerprint!)).toBeUndefined();
    fx.reviews = [reviewValues(finding, { explanation: "说明" }).values];
    expect(findReviewRow(checkFixture(fx).reviews, "0123456789abcdef")).toBeUndefined();
  });

  it("lays the values out at the sheet's own columns, or the template's order", () => {
    const { fx, finding } = setup();
    const { values } = reviewValues(finding, { explanation: "说明" });
    expect(reviewCells(values).map((c) => c.col)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(REVIEW_COLUMNS.map((c) => c.header.split(" ")[0])).toEqual([
      "规则",
      "位置",
      "问题摘要",
      "指纹",
      "情况说明",
      "处理意见",
      "处理理由",
      "处理人",
      "处理日期",
    ]);
    fx.reviews = [values];
    const sheet = checkFixture(fx, {
      layout: { reviewsLayout: { noTableObject: true, above: ["标题"] } },
    }).reviews!;
    const cells = reviewCells(values, sheet);
    expect(cells.find((c) => c.field === "fingerprint")).toEqual({
      col: 3,
      field: "fingerprint",
      value: finding.fingerprint,
    });
    expect(sheet.headerRow).toBe(1);
  });
});
