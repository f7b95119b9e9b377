import type { ProjectReport } from "../../check";
import {
  checkFixture,
  compliantFixture,
  excelRow,
  findingsOf,
  type Fixture,
} from "../../testing/fixture";

const RULE = "RPT-MONTHLY";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/**
 * The fixture has one report per month, 2024-03 to 2025-02 (index 0 to 11), each sent on the
 * 5th of the next month. Blanking 报送日期 leaves the row, so the finding points at its cell.
 */
const SEPTEMBER = 6;
const FEBRUARY = 11;
function withoutReport(index: number, fx: Fixture = compliantFixture()): Fixture {
  fx.tables.MonthlyReports![index].submittedOn = null;
  return fx;
}
const cellOf = (index: number) => `月报!B${excelRow(index)}`;

describe(RULE, () => {
  it("passes with a report sent for every month", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a month without 报送日期 on that month's cell, with the month and its due date", () => {
    const report = checkFixture(withoutReport(SEPTEMBER));
    expect(findingsOf(report, RULE)).toEqual([`error ${cellOf(SEPTEMBER)}`]);
    expect(verdicts(report)).toEqual([["error", { month: "2024-09", due: "2024-10-10" }]]);
  });

  it("does not miss September's report on 10 October (its due day), but does on 11 October", () => {
    const fx = withoutReport(SEPTEMBER);
    expect(findingsOf(checkFixture(fx, { asOf: "2024-10-10" }), RULE)).toEqual([]);
    expect(findingsOf(checkFixture(fx, { asOf: "2024-10-11" }), RULE)).toEqual([
      `error ${cellOf(SEPTEMBER)}`,
    ]);
  });

  it("points at the table when a month has no row at all", () => {
    const fx = compliantFixture();
    fx.tables.MonthlyReports!.splice(SEPTEMBER, 1);
    const report = checkFixture(fx, { asOf: "2024-10-11" });
    expect(findingsOf(report, RULE)).toEqual(["error 月报!A1:B1"]);
    expect(verdicts(report)).toEqual([["error", { month: "2024-09", due: "2024-10-10" }]]);
  });

  it("requires the contract's last month once it falls due, not before", () => {
    const fx = withoutReport(FEBRUARY);
    // The fixture reports as of 2025-03-05: February's report is not due until 10 March.
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
    expect(findingsOf(checkFixture(fx, { asOf: "2025-03-11" }), RULE)).toEqual([
      `error ${cellOf(FEBRUARY)}`,
    ]);
  });

  it("counts a partial first month", () => {
    // A contract from 15 March still owes a report for March, due on 10 April.
    const fx = compliantFixture();
    fx.info.ContractStart = "2024-03-15";
    fx.info.ContractEnd = "2025-03-14";
    withoutReport(0, fx);
    expect(findingsOf(checkFixture(fx, { asOf: "2024-04-10" }), RULE)).toEqual([]);
    const report = checkFixture(fx, { asOf: "2024-04-11" });
    expect(findingsOf(report, RULE)).toEqual([`error ${cellOf(0)}`]);
    expect(verdicts(report)).toEqual([["error", { month: "2024-03", due: "2024-04-10" }]]);
  });

  it("is not checked, rather than passed, without the 报送日期 column", () => {
    const fx = withoutReport(SEPTEMBER); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["MonthlyReports.submittedOn"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
