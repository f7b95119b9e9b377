import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "PRJ-AMOUNT";

// ContractAmount sits in 项目信息!B10 in the fixture layout.

describe(RULE, () => {
  it("passes with the contract amount exactly at the 160,000 grant", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a contract amount one yuan over the grant", () => {
    const fx = compliantFixture();
    fx.info.ContractAmount = 160001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 项目信息!B10"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      amount: 160001,
      grant: 160000,
    });
  });

  it("reads an amount stored as text before comparing it", () => {
    const fx = compliantFixture();
    fx.info.ContractAmount = "160,001";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 项目信息!B10"]);
  });

  it("still checks the value when the defined name is gone and it is found by its label", () => {
    const fx = compliantFixture();
    fx.info.ContractAmount = 160001;
    const report = checkFixture(fx, { layout: { withoutNames: ["ContractAmount"] } });
    expect(findingsOf(report, RULE)).toEqual(["error 项目信息!B10"]);
  });

  it("is not checked, rather than passed, when the 项目信息 sheet is missing", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["项目信息"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
