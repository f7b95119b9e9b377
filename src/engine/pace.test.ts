import { capPace, contractMonth, monthsLeft, neededPerMonth, projectedAtEnd } from "./pace";
import { computeStage } from "./stage";
import { parseIsoDate } from "./util/dates";

const d = (iso: string) => parseIsoDate(iso)!;
// rules.md's worked example: a contract from 2024-03-01 to 2025-02-28, 12 months.
const START = d("2024-03-01");
const END = d("2025-02-28");
const at = (asOf: string, start = START, end = END) => computeStage(d(asOf), start, end);

describe("a cap's pace", () => {
  it("has no rate before the first whole month: headroom only", () => {
    expect(capPace(at("2024-03-15"), 9000, 100000)).toEqual({
      actual: 9000,
      cap: 100000,
      headroom: 91000,
      average: null,
      projected: null,
      crossMonth: null,
      projectedOver: false,
    });
  });

  it("projects from the first whole month, and names the month the running total passes the cap", () => {
    // 9,000 in March: 108,000 by the end; 99,000 after 11 months, 108,000 after 12.
    expect(capPace(at("2024-03-31"), 9000, 100000)).toMatchObject({
      average: 9000,
      projected: 108000,
      crossMonth: "2025-02",
      projectedOver: true,
    });
  });

  it("projects in the last month, M = 11 of 12", () => {
    const stage = at("2025-02-27");
    expect(stage).toMatchObject({ kind: "interim", monthsElapsed: 11, monthsTotal: 12 });
    expect(monthsLeft(stage)).toBe(1);
    expect(capPace(stage, 99000, 100000)).toMatchObject({
      headroom: 1000,
      projected: 108000,
      crossMonth: "2025-02",
    });
  });

  it("projects nothing over a cap with no spending yet", () => {
    expect(capPace(at("2024-08-31"), 0, 20000)).toMatchObject({
      headroom: 20000,
      average: 0,
      projected: 0,
      crossMonth: null,
      projectedOver: false,
    });
  });

  it("is not over when the projection lands exactly on the cap, and is one cent above", () => {
    // 50,000 in 6 months: 100,000 at the end, not over (float noise aside).
    expect(capPace(at("2024-08-31"), 50000, 100000)).toMatchObject({
      projected: 100000,
      crossMonth: null,
      projectedOver: false,
    });
    expect(capPace(at("2024-08-31"), 50000.01, 100000)).toMatchObject({
      crossMonth: "2025-02",
      projectedOver: true,
    });
    // 100,000 over 12 months at 8,333.33: never counted as over through rounding.
    expect(capPace(at("2024-08-31"), 50000 - 0.005, 100000)?.projectedOver).toBe(false);
  });

  it("crosses in the first month whose end the running total passes the cap", () => {
    // 60,000 in 6 months: 10,000 a month; 100,000 at the end of month 10 is not over, month 11 is.
    expect(capPace(at("2024-08-31"), 60000, 100000)?.crossMonth).toBe("2025-01");
    // The month after the reporting date when the pace is steep: 90,000 in 6 months.
    expect(capPace(at("2024-08-31"), 90000, 100000)?.crossMonth).toBe("2024-09");
  });

  it("counts contract months from a start mid-month", () => {
    const start = d("2024-03-15");
    const stage = at("2024-09-14", start, d("2025-03-14"));
    expect(stage.monthsElapsed).toBe(6);
    expect(contractMonth(start, 7)).toBe("2024-10"); // ends 2024-10-14
    expect(capPace(stage, 90000, 100000)?.crossMonth).toBe("2024-10");
  });

  it("gives no crossing once the spending is over the cap (the rule's error says so)", () => {
    expect(capPace(at("2024-08-31"), 110000, 100000)).toMatchObject({
      headroom: -10000,
      crossMonth: null,
      projectedOver: false,
    });
  });

  it("is null at the final stage", () => {
    expect(capPace(at("2025-02-28"), 90000, 100000)).toBeNull();
  });
});

describe("a target's needed rate", () => {
  const half = at("2024-08-31"); // 6 of 12 months, 6 left

  it("rounds up to whole units over the whole months left", () => {
    expect(neededPerMonth(half, 20, 30)).toBe(2); // 10 / 6 = 1.67
    expect(neededPerMonth(half, 4, 10)).toBe(1); // exactly 1
    expect(neededPerMonth(half, 1500, 5000)).toBe(584); // yuan: 583.33
    expect(neededPerMonth(half, 4999.5, 5000)).toBe(1);
  });

  it("is 0 once the target is reached", () => {
    expect(neededPerMonth(half, 10, 10)).toBe(0);
    expect(neededPerMonth(half, 12, 10)).toBe(0);
  });

  it("is the whole gap when no whole month is left", () => {
    // 2024-03-15 to 2025-03-10: M(end) = 11; as of 2025-03-05 M = 11 too, still interim.
    const stage = at("2025-03-05", d("2024-03-15"), d("2025-03-10"));
    expect(stage).toMatchObject({ kind: "interim", monthsElapsed: 11, monthsTotal: 11 });
    expect(monthsLeft(stage)).toBe(0);
    expect(neededPerMonth(stage, 7, 10)).toBe(3);
  });

  it("is due over the single month left in the last month", () => {
    expect(neededPerMonth(at("2025-02-27"), 39999, 40000)).toBe(1);
  });

  it("projects the figure to the contract end, not before the first whole month", () => {
    expect(projectedAtEnd(half, 4)).toBe(8);
    expect(projectedAtEnd(at("2024-03-31"), 1)).toBe(12);
    expect(projectedAtEnd(at("2024-03-20"), 1)).toBeNull();
  });
});
