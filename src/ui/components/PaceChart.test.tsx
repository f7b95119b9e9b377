/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PaceChart } from "./PaceChart";
import { checkedSample, panel } from "./pace-testing";
import { STRINGS } from "../strings";
import type { WorkbookResult } from "../protocol";
import type { PaceSeries } from "../../engine/pace-series";
import { parseIsoDate } from "../../engine/util/dates";

const SERIES: PaceSeries = {
  kind: "cap",
  limit: 95000,
  months: ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"].concat([
    "2024-10",
    "2024-11",
    "2024-12",
    "2025-01",
    "2025-02",
    "2025-03",
  ]),
  cumulative: [0, 8150, 16300, 24450, 32600, 40750, 48900],
  projected: 97800,
  crossMonth: "2025-03",
  undated: 0,
};

describe("the pace chart", () => {
  it("draws the months so far solid, the projection dashed to the end, and the cap line", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PaceChart
          series={SERIES}
          name="「人力成本」本类预算"
          unit="元"
          asOf={parseIsoDate("2024-10-15")!}
          lang="zh"
          s={STRINGS.zh}
        />
      </FluentProvider>
    );
    const chart = screen.getByTestId("pace-chart");
    const actual = chart.querySelector('[data-series="actual"]')!;
    expect(actual.getAttribute("points")!.split(" ")).toHaveLength(7);
    const projection = chart.querySelector('[data-series="projection"]')!;
    expect(projection.getAttribute("stroke-dasharray")).toBeTruthy();
    expect(actual.getAttribute("stroke-dasharray")).toBeNull();
    // The projection starts where the months so far end and reaches the contract end.
    const last = actual.getAttribute("points")!.split(" ").pop()!.split(",").map(Number);
    expect([Number(projection.getAttribute("x1")), Number(projection.getAttribute("y1"))]).toEqual(
      last
    );
    expect(Number(projection.getAttribute("x2"))).toBeGreaterThan(last[0]);
    expect(Number(projection.getAttribute("y2"))).toBeLessThan(last[1]);
    expect(chart.querySelector('[data-series="limit"]')).toBeTruthy();
    expect(chart.querySelector('[data-series="cross"]')).toBeTruthy();
    // A title and a text alternative, for those who do not see it.
    const img = within(chart).getByRole("img");
    expect(img.querySelector("title")!.textContent).toBe("「人力成本」本类预算：按月累计");
    const desc = img.querySelector("desc")!.textContent!;
    expect(desc).toContain("2024年4月 8,150");
    expect(desc).toContain("截至 2024-10-15 共 48,900 元");
    expect(desc).toContain("至 2025年3月 约 97,800 元；上限 95,000 元");
    expect(desc).toContain("照此进度，预计2025年3月突破");
  });

  describe("opened from a finding", () => {
    let result: WorkbookResult;
    beforeAll(async () => {
      result = await checkedSample();
    }, 30000);

    it("opens and closes from the 走势图 toggle, with the series the worker summed", async () => {
      panel(result);
      const item = screen
        .getByTestId("progress")
        .querySelector('li[data-rule="BUD-PERSONNEL"]') as HTMLElement;
      expect(within(item).queryByTestId("pace-chart")).toBeNull();
      const toggle = within(item).getByRole("button", { name: "走势图：人力成本上限" });
      await act(async () => fireEvent.click(toggle));
      const chart = within(item).getByTestId("pace-chart");
      const points = chart.querySelector('[data-series="actual"]')!.getAttribute("points")!;
      expect(points.split(" ")).toHaveLength(7); // six whole months and the start
      expect(chart.querySelector("desc")!.textContent).toContain("共 48,900 元");
      await act(async () => fireEvent.click(toggle));
      expect(within(item).queryByTestId("pace-chart")).toBeNull();
    });
  });
});
