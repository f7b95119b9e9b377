import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "LED-DATE";

// Ledger dates are in column A; fixture index i lands on row i + 2.
// Contract 2024-03-01 to 2025-02-28; the fixture reports as of 2025-03-05.

describe(RULE, () => {
  it("passes with payments on the first and last day of the contract, and dates stored as text", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].date = "2024-03-01";
    fx.tables.Ledger![1].date = "2025-02-28";
    fx.tables.Ledger![2].date = "2024/5/6"; // read with a WB-VALUE warning, not this rule
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("flags payments one day before the start and one day after the end", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].date = "2024-02-29";
    fx.tables.Ledger![1].date = "2025-03-01";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 支出台账!A2", "error 支出台账!A3"]);
  });

  it("flags an empty and an unreadable date (not WB-VALUE as well)", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].date = null;
    fx.tables.Ledger![1].date = "2024-13-01";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!A2", "error 支出台账!A3"]);
    expect(findingsOf(report, "WB-VALUE")).toEqual([]);
  });

  it("flags a payment after the reporting date, but not one on it", () => {
    // As of 2024-12-10: row 11 is paid that very day; row 17 (2025-01-29) is after it.
    expect(findingsOf(checkFixture(compliantFixture(), { asOf: "2024-12-10" }), RULE)).toEqual([
      "error 支出台账!A17",
    ]);
  });

  it("is not checked, rather than passed, when the ledger has no date column", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Ledger.date"] },
    });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
