import { checkFixture, compliantFixture } from "./fixture";

describe("the compliant fixture", () => {
  it("breaks no rule at the final stage", () => {
    const report = checkFixture(compliantFixture());
    expect(report.stage.kind).toBe("final");
    expect(
      report.findings.map((f) => `${f.rule} ${f.severity} ${f.cell ?? ""} ${f.message.zh}`)
    ).toEqual([]);
  });
});
