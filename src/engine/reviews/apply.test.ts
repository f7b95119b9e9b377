/**
 * 审核意见 applied by a check (review-cycle.md section 2): rows written for findings, as the
 * pane will write them (reviewValues), laid into a fixture workbook and checked again.
 */
import {
  checkFixture,
  compliantFixture,
  findingsOf,
  type Fixture,
  type FixtureRow,
} from "../testing/fixture";
import type { Finding } from "../findings";
import { countBySeverity } from "../findings";
import { reviewValues, type ReviewInput } from "./rows";

/** Personnel planned over its cap (an error on 预算!B2) and a voucher missing (a warning). */
function faulty(): Fixture {
  const fx = compliantFixture();
  fx.budget["人力成本"] = 110000;
  fx.budget["服务性支出"] = 30000;
  fx.tables.Ledger![1].voucher = null;
  return fx;
}

function find(findings: Finding[], rule: string, cell: string): Finding {
  const f = findings.find((x) => x.rule === rule && x.cell === cell);
  if (!f) throw new Error(`no ${rule} at ${cell}: ${findings.map((x) => x.rule + x.cell)}`);
  return f;
}

/** The row the pane would write for a finding. */
function rowFor(f: Finding, input: ReviewInput): FixtureRow {
  return reviewValues(f, input).values;
}

const ACCEPT: ReviewInput = {
  decision: "认可",
  reason: "民政局已批准预算调整",
  reviewer: "王科长",
  date: "2024-09-10",
};

function reviewed(rows: (findings: Finding[]) => FixtureRow[], fx = faulty()) {
  const bare = checkFixture(fx);
  fx.reviews = rows(bare.findings);
  return { bare, report: checkFixture(fx), fx };
}

describe("applying 审核意见", () => {
  it("changes nothing for a workbook without the sheet, and gives every finding a fingerprint", () => {
    const report = checkFixture(faulty());
    expect(report.reviews).toBeUndefined();
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(2);
    for (const f of report.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(report.findings.some((f) => f.review || f.earlierReview)).toBe(false);
  });

  it("认可: the finding stays listed, marked accepted, and leaves the error count for 已认可", () => {
    const { bare, report } = reviewed((fs) => [rowFor(find(fs, "BUD-PERSONNEL", "B2"), ACCEPT)]);
    const before = countBySeverity(bare.findings);
    const after = countBySeverity(report.findings);
    expect(after).toEqual({ ...before, error: before.error - 1, accepted: 1 });
    const f = find(report.findings, "BUD-PERSONNEL", "B2");
    expect(f.severity).toBe("error");
    expect(f.review).toEqual({
      explanation: null,
      decision: "认可",
      accepted: true,
      reason: "民政局已批准预算调整",
      by: "王科长",
      date: "2024-09-10",
      summary: find(bare.findings, "BUD-PERSONNEL", "B2").message.zh,
      fingerprint: f.fingerprint,
      sheet: "审核意见",
      row: 2,
    });
    expect(report.findings).toHaveLength(bare.findings.length);
  });

  it("accepts a warning as well: it leaves the warning count", () => {
    const { bare, report } = reviewed((fs) => [rowFor(find(fs, "LED-VOUCHER", "B3"), ACCEPT)]);
    expect(countBySeverity(report.findings).warning).toBe(
      countBySeverity(bare.findings).warning - 1
    );
    expect(countBySeverity(report.findings).accepted).toBe(1);
  });

  it("情况说明 only: shown with the finding, counted as before", () => {
    const { bare, report } = reviewed((fs) => [
      rowFor(find(fs, "BUD-PERSONNEL", "B2"), { explanation: "社工站人员增加，已报民政局" }),
    ]);
    expect(countBySeverity(report.findings)).toEqual(countBySeverity(bare.findings));
    expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toMatchObject({
      explanation: "社工站人员增加，已报民政局",
      decision: null,
      accepted: false,
    });
  });

  it.each(["不认可", "需整改"] as const)("%s: shown with the decision, counted as before", (d) => {
    const { bare, report } = reviewed((fs) => [
      rowFor(find(fs, "BUD-PERSONNEL", "B2"), { ...ACCEPT, decision: d, reason: "须调回" }),
    ]);
    expect(countBySeverity(report.findings)).toEqual(countBySeverity(bare.findings));
    expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toMatchObject({
      decision: d,
      accepted: false,
      reason: "须调回",
    });
  });

  it("opens the finding again when its figures change, and says an earlier decision was for other figures", () => {
    const fx = faulty();
    const bare = checkFixture(fx);
    fx.reviews = [rowFor(find(bare.findings, "BUD-PERSONNEL", "B2"), ACCEPT)];
    fx.budget["人力成本"] = 115000; // more overspending
    const report = checkFixture(fx);
    const f = find(report.findings, "BUD-PERSONNEL", "B2");
    expect(f.fingerprint).not.toBe(find(bare.findings, "BUD-PERSONNEL", "B2").fingerprint);
    expect(f.review).toBeUndefined();
    expect(f.earlierReview).toMatchObject({ decision: "认可", by: "王科长", row: 2 });
    expect(countBySeverity(report.findings).accepted).toBe(0);
    expect(findingsOf(report, "REV-STALE")).toEqual(["info 审核意见!A2:I2"]);
  });

  it("lists a row that applies to no finding once as REV-STALE, on its row", () => {
    const fx = faulty();
    const bare = checkFixture(fx);
    fx.reviews = [rowFor(find(bare.findings, "LED-VOUCHER", "B3"), ACCEPT)];
    fx.tables.Ledger![1].voucher = "P-2"; // put right
    const report = checkFixture(fx);
    expect(findingsOf(report, "LED-VOUCHER")).toEqual([]);
    expect(findingsOf(report, "REV-STALE")).toEqual(["info 审核意见!A2:I2"]);
    const stale = report.findings.find((f) => f.rule === "REV-STALE")!;
    expect(stale.message.zh).toContain("不对应本次检查的任何问题");
    expect(stale.title?.zh).toBeTruthy();
    expect(report.findings.some((f) => f.earlierReview)).toBe(false);
  });

  it("applies the lowest of several rows with one fingerprint, and calls none of them stale", () => {
    const { report } = reviewed((fs) => {
      const f = find(fs, "BUD-PERSONNEL", "B2");
      return [rowFor(f, { explanation: "先写的说明" }), rowFor(f, ACCEPT)];
    });
    expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toMatchObject({ row: 3 });
    expect(findingsOf(report, "REV-STALE")).toEqual([]);
  });

  describe("a malformed row is a WB-VALUE error on its cell and applies to nothing", () => {
    it.each([
      ["reason", "G2"],
      ["reviewer", "H2"],
      ["date", "I2"],
    ] as const)("a decision without its %s", (left, cell) => {
      const { bare, report } = reviewed((fs) => [
        rowFor(find(fs, "BUD-PERSONNEL", "B2"), { ...ACCEPT, [left]: null }),
      ]);
      expect(findingsOf(report, "WB-VALUE")).toEqual([`error 审核意见!${cell}`]);
      expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toBeUndefined();
      expect(countBySeverity(report.findings).error).toBe(countBySeverity(bare.findings).error + 1);
      expect(findingsOf(report, "REV-STALE")).toEqual([]);
    });

    it("an unknown rule ID", () => {
      const { report } = reviewed((fs) => [
        { ...rowFor(find(fs, "BUD-PERSONNEL", "B2"), ACCEPT), rule: "BUD-PEOPLE" },
      ]);
      expect(findingsOf(report, "WB-VALUE")).toEqual(["error 审核意见!A2"]);
      const f = report.findings.find((x) => x.rule === "WB-VALUE")!;
      expect(f.message.zh).toContain("BUD-PEOPLE");
      expect(f.clause).toBeTruthy();
      expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toBeUndefined();
    });

    it("a decision that is none of the three, or a date that is not one", () => {
      const { report } = reviewed((fs) => {
        const row = rowFor(find(fs, "BUD-PERSONNEL", "B2"), ACCEPT);
        return [
          { ...row, decision: "同意" },
          { ...row, decidedOn: "九月十日" },
        ];
      });
      expect(findingsOf(report, "WB-VALUE")).toEqual(["error 审核意见!F2", "error 审核意见!I3"]);
      expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toBeUndefined();
    });

    it("a row without its fingerprint", () => {
      const { report } = reviewed((fs) => [
        { ...rowFor(find(fs, "BUD-PERSONNEL", "B2"), ACCEPT), fingerprint: null },
      ]);
      expect(findingsOf(report, "WB-VALUE")).toEqual(["error 审核意见!D2"]);
      expect(find(report.findings, "BUD-PERSONNEL", "B2").review).toBeUndefined();
    });
  });

  it("checks as if the sheet were absent with reviews off (--no-reviews)", () => {
    const fx = faulty();
    const bare = checkFixture(fx);
    fx.reviews = [
      rowFor(find(bare.findings, "BUD-PERSONNEL", "B2"), ACCEPT),
      { ...rowFor(find(bare.findings, "LED-VOUCHER", "B3"), ACCEPT), reason: null },
      { rule: "BUD-TOTAL", location: "预算!B9", fingerprint: "0000000000000000" },
    ];
    const withReviews = checkFixture(fx);
    expect(countBySeverity(withReviews.findings).accepted).toBe(1);
    const off = checkFixture(fx, { reviews: false });
    expect(off.findings).toEqual(bare.findings);
    expect(off.reviews).toBeUndefined();
  });
});
