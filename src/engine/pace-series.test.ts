import { cumulativeByMonth, seriesOf } from "./pace-series";
import { computeStage } from "./stage";
import { parseIsoDate } from "./util/dates";
import { checkFixture, compliantFixture } from "./testing/fixture";

const d = (iso: string) => parseIsoDate(iso)!;
// A contract from 2024-03-01 to 2025-02-28, 12 months (the fixture's).
const at = (asOf: string) => computeStage(d(asOf), d("2024-03-01"), d("2025-02-28"));

describe("the cumulative figure by month", () => {
  it("has nothing to draw before the first whole month, nor at the final stage", () => {
    expect(cumulativeByMonth(at("2024-03-30"), [{ date: d("2024-03-02"), value: 5 }])).toBeNull();
    expect(cumulativeByMonth(at("2025-03-01"), [])).toBeNull();
  });

  it("adds each row from its contract month on, a month with nothing flat", () => {
    const out = cumulativeByMonth(at("2024-06-30"), [
      { date: d("2024-03-01"), value: 100 },
      { date: d("2024-03-31"), value: 50 },
      // April: nothing.
      { date: d("2024-05-01"), value: 25.5 },
      { date: d("2024-06-30"), value: 10 },
    ]);
    expect(out).toEqual({ cumulative: [0, 150, 150, 175.5, 185.5], undated: 0 });
  });

  it("puts a row of the unfinished month into the last point, so it ends at the figure", () => {
    // As of 15 July, 4 whole months; a row of 10 July counts in the figure (and the pace).
    const out = cumulativeByMonth(at("2024-07-15"), [
      { date: d("2024-04-02"), value: 1 },
      { date: d("2024-07-10"), value: 1 },
    ]);
    expect(out!.cumulative).toEqual([0, 0, 1, 1, 2]);
  });

  it("draws undated rows and rows before the start in the first month, and says how many", () => {
    const out = cumulativeByMonth(at("2024-04-30"), [
      { date: null, value: 7 },
      { date: d("2024-02-01"), value: 3 },
      { date: d("2024-04-30"), value: 1 },
    ]);
    expect(out).toEqual({ cumulative: [0, 10, 11], undated: 1 });
  });

  it("handles the last month of the contract, M = 11 of 12", () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({
      date: d(`2024-${String(3 + i).padStart(2, "0")}-15`.replace("2024-13", "2025-01")),
      value: 1,
    }));
    const out = cumulativeByMonth(at("2025-02-27"), rows);
    expect(out!.cumulative).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe("a finding's series", () => {
  it("sums a cap's counted ledger rows by month, ending at its figure, with the projection", () => {
    // Personnel: 10,000 every 30 days from 15 March, six by 31 August; the four paid later are
    // spending too (a cap counts every payment), drawn in the last month so far.
    const report = checkFixture(compliantFixture(), { asOf: "2024-08-31" });
    const f = report.findings.find(
      (x) => x.rule === "BUD-PERSONNEL" && x.figures?.headroom !== undefined
    )!;
    const s = seriesOf(f, report.project, report.stage)!;
    expect(s).toMatchObject({
      kind: "cap",
      limit: 100000,
      cumulative: [0, 10000, 20000, 30000, 40000, 50000, 100000],
      projected: 200000,
      crossMonth: "2024-09",
      undated: 0,
    });
    expect(s.months).toHaveLength(12);
    expect(s.months[0]).toBe("2024-03");
    expect(s.months[11]).toBe("2025-02");
  });

  it("counts a target's rows one each, against the target", () => {
    const report = checkFixture(compliantFixture(), { asOf: "2024-08-31" });
    const f = report.findings.find(
      (x) => x.rule === "KPI-SERVICES" && x.figures?.neededPerMonth !== undefined
    )!;
    const s = seriesOf(f, report.project, report.stage)!;
    expect(s.kind).toBe("target");
    expect(s.limit).toBe(f.figures!.target);
    expect(s.cumulative[s.cumulative.length - 1]).toBe(f.figures!.actual);
    expect(s.cumulative).toEqual([...s.cumulative].sort((a, b) => a - b));
  });

  it("is absent with nothing so far: a flat line says less than the figures", () => {
    const fx = compliantFixture();
    fx.tables.Cases = [];
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    const f = report.findings.find((x) => x.rule === "KPI-CASES")!;
    expect(f.figures).toMatchObject({ actual: 0, neededPerMonth: 1 });
    expect(seriesOf(f, report.project, report.stage)).toBeNull();
  });

  it("is absent for a finding without pace", () => {
    const report = checkFixture(compliantFixture());
    for (const f of report.findings) expect(seriesOf(f, report.project, report.stage)).toBeNull();
  });
});
