import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "SUP-INTERNAL";
// The fixture has exactly one internal supervisor (丙, row 0) and one external (丁, row 1).

describe(RULE, () => {
  it("passes with exactly 1 internal supervisor", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails with no internal supervisor, on the table header", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![0].kind = "外部";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 督导!A1:G1"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({ actual: 0, target: 1 });
  });

  it("reads the synonym 内部督导 as internal", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![0].kind = "内部督导";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("is not checked, rather than passed, without the 督导类型 column", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![0].kind = "外部";
    const report = checkFixture(fx, { layout: { withoutColumns: ["Supervisors.kind"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("is not checked without the 督导 sheet", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["督导"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
