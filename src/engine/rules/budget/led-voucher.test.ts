import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "LED-VOUCHER";

// Voucher numbers are in column B; fixture index i lands on row i + 2 (P-1 is on row 2).

describe(RULE, () => {
  it("passes when every payment has its own voucher number", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].voucher = 1001; // a number typed as a number is still a voucher number
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("warns about a missing voucher number", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![2].voucher = null;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["warning 支出台账!B4"]);
  });

  it("flags the second use of a voucher number and names the first", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![1].voucher = "P-1";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!B3"]);
    expect(report.findings.find((f) => f.rule === RULE)!.message.en).toContain("B2");
  });

  it('sees 1001 typed as a number and "1001" typed as text as the same voucher', () => {
    const fx = compliantFixture();
    fx.tables.Ledger![4].voucher = 1001;
    fx.tables.Ledger![5].voucher = "1001";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 支出台账!B7"]);
  });

  it("is not checked, rather than passed, when the ledger has no voucher column", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Ledger.voucher"] },
    });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
