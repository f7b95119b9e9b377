import { parseRange } from "../../engine/util/address";
import { insideWindow, outsideWindow, planRequests, planWindows, totalCells } from "./read-plan";

const r = (ref: string) => parseRange(ref)!;

describe("read planning", () => {
  it("grows windows with the spare budget when everything fits", () => {
    const windows = planWindows(
      [{ name: "A", hint: { rows: 20, cols: 7 } }, { name: "B" }],
      10_000
    );
    expect(windows.map((w) => w.cols)).toEqual([9, 16]);
    expect(windows.reduce((n, w) => n + w.rows * w.cols, 0)).toBeLessThanOrEqual(10_000);
    expect(windows[0].rows).toBeGreaterThan(30);
  });

  it("serves small sheets first and gives the big one what is left", () => {
    const windows = planWindows(
      [
        { name: "Big", hint: { rows: 20_000, cols: 7 } },
        { name: "Small", hint: { rows: 10, cols: 4 } },
      ],
      1_000
    );
    const small = windows.find((w) => w.sheet === "Small")!;
    const big = windows.find((w) => w.sheet === "Big")!;
    expect(small).toMatchObject({ rows: 20, cols: 8 });
    expect(big).toMatchObject({ rows: Math.floor((1_000 - 160) / 9), cols: 9 });
  });

  it("gives no window to a sheet when not one row fits, and the budget to the rest", () => {
    const windows = planWindows([{ name: "A" }, { name: "B" }, { name: "C" }], 20);
    expect(windows.map((w) => w.rows)).toEqual([0, 0, 1]);
    expect(windows.reduce((n, w) => n + w.rows * w.cols, 0)).toBeLessThanOrEqual(20);
  });

  it("splits a used range into the window's part and the rest", () => {
    const used = r("B2:Z100");
    const window = { rows: 50, cols: 10 };
    expect(insideWindow(used, window)).toEqual(r("B2:J50"));
    expect(outsideWindow(used, window)).toEqual([r("K2:Z50"), r("B51:Z100")]);
    expect(outsideWindow(r("A1:C3"), window)).toEqual([]);
    expect(insideWindow(r("A60:B70"), window)).toBeNull();
    expect(outsideWindow(r("A60:B70"), { rows: 0, cols: 0 })).toEqual([r("A60:B70")]);
  });

  it("packs blocks of whole rows into requests of at most the budget", () => {
    const requests = planRequests(
      [
        { sheet: "A", range: r("A1:G1000") },
        { sheet: "B", range: r("A1:B10") },
      ],
      700
    );
    for (const req of requests) expect(totalCells(req)).toBeLessThanOrEqual(700);
    expect(requests[0]).toEqual([{ sheet: "A", range: r("A1:G100") }]);
    expect(requests).toHaveLength(11);
    expect(requests[10].map((b) => b.sheet)).toEqual(["B"]);
    expect(
      requests
        .flat()
        .reduce(
          (n, b) =>
            n +
            (b.range.end.row - b.range.start.row + 1) * (b.range.end.col - b.range.start.col + 1),
          0
        )
    ).toBe(7000 + 20);
  });

  it("shares a request between sheets and cuts ranges wider than the budget", () => {
    const shared = planRequests(
      [
        { sheet: "A", range: r("A1:B3") },
        { sheet: "B", range: r("A1:C2") },
      ],
      100
    );
    expect(shared).toHaveLength(1);
    const wide = planRequests([{ sheet: "A", range: r("A1:J2") }], 4);
    expect(wide.flat().every((b) => b.range.end.col - b.range.start.col < 4)).toBe(true);
    expect(totalCells(wide.flat())).toBe(20);
  });
});
