import { computeStage, termEnd } from "./stage";
import { parseIsoDate } from "./util/dates";

const d = (iso: string) => parseIsoDate(iso)!;

// The worked example of rules.md "Stage": a contract from 2024-03-01 to 2025-02-28.
const START = d("2024-03-01");
const END = d("2025-02-28");

describe("computeStage", () => {
  it.each(["2024-08-31", "2024-09-01"])(
    "is interim with M = 6 of 12 and elapsed 0.5 as of %s",
    (asOf) => {
      expect(computeStage(d(asOf), START, END)).toMatchObject({
        kind: "interim",
        monthsElapsed: 6,
        monthsTotal: 12,
        elapsed: 0.5,
      });
    }
  );

  it("counts only whole months: the day before the sixth month ends is still M = 5", () => {
    expect(computeStage(d("2024-08-30"), START, END).monthsElapsed).toBe(5);
  });

  it("is final on and after ContractEnd, interim the day before", () => {
    expect(computeStage(END, START, END)).toMatchObject({ kind: "final", elapsed: 1 });
    expect(computeStage(END + 30, START, END).kind).toBe("final");
    expect(computeStage(END - 1, START, END).kind).toBe("interim");
  });

  it("treats a missing or reversed period as final, the strictest reading", () => {
    expect(computeStage(d("2024-06-01"), null, END).kind).toBe("final");
    expect(computeStage(d("2024-06-01"), END, START).kind).toBe("final");
  });
});

describe("termEnd", () => {
  // rules.md PRJ-PERIOD: a 1-year term ends no later than the day before the first anniversary.
  it.each([
    ["2024-03-01", "2025-02-28"],
    ["2024-01-31", "2025-01-30"],
    ["2023-03-01", "2024-02-29"],
    // The anniversary of 29 February is 1 March: 2024-02-29 to 2025-02-28 is one year.
    ["2024-02-29", "2025-02-28"],
    ["2023-02-28", "2024-02-27"],
  ])("a 12-month term from %s ends on %s", (start, end) => {
    expect(termEnd(d(start), 12)).toBe(d(end));
  });

  it("ends a one-month term from Jan 31 at the end of February (the anniversary rolls to Mar 1)", () => {
    expect(termEnd(d("2024-01-31"), 1)).toBe(d("2024-02-29"));
    expect(termEnd(d("2023-01-31"), 1)).toBe(d("2023-02-28"));
  });
});
