/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { checkedSample, panel } from "./pace-testing";
import type { WorkbookResult } from "../protocol";

const item = (rule: string, nth = 0) =>
  [...screen.getByTestId("progress").querySelectorAll(`li[data-rule="${rule}"]`)][
    nth
  ] as HTMLElement;

describe("pace in the progress section", () => {
  let result: WorkbookResult;
  beforeAll(async () => {
    result = await checkedSample();
  }, 30000);

  it("gives each cap its spending, headroom and projection at the contract end", () => {
    panel(result);
    const personnel = item("BUD-PERSONNEL");
    expect(personnel.textContent).toMatch(/人力成本上限/);
    const pace = personnel.querySelector('[data-pace="cap"]')!;
    expect(pace.textContent).toMatch(/已支出48,900 元/);
    expect(pace.textContent).toMatch(/尚余51,100 元/);
    expect(pace.textContent).toMatch(/期末预计97,800 元/);
    expect(pace.textContent).toMatch(/上限 100,000 元，月均 8,150/);
    // A category against its own plan is named by its category.
    expect(item("BUD-OVERRUN").textContent).toMatch(/「服务性支出」本类预算/);
  });

  it("gives each target the monthly rate needed and its projection, in its own unit", () => {
    panel(result);
    const beneficiaries = item("KPI-BENEFICIARIES").querySelector('[data-pace="target"]')!;
    expect(beneficiaries.textContent).toMatch(/已完成120 \/ 200 人/);
    expect(beneficiaries.textContent).toMatch(/此后每月需14 人/);
    expect(beneficiaries.textContent).toMatch(/期末预计240 人/);
    // Two measures of one rule are told apart by their measure's name.
    const names = [
      ...screen.getByTestId("progress").querySelectorAll('li[data-rule="KPI-TRAINING"]'),
    ].map((li) => li.textContent);
    expect(names.some((t) => /培训场次/.test(t!) && /已达标/.test(t!))).toBe(true);
    expect(names.some((t) => /培训人次/.test(t!) && /此后每月需2 人次/.test(t!))).toBe(true);
  });

  it("shows a projected overrun, among the problems, with the month it would be crossed", () => {
    panel(result);
    const warning = document.querySelector('button[data-rule="BUD-OVERRUN"]')!.closest("li")!;
    const cross = within(warning).getByTestId("pace-cross");
    expect(cross.textContent).toBe("照此进度，预计2025年3月突破（超出 2,800 元）");
    expect(warning.querySelector('[data-pace="cap"]')!.getAttribute("data-cross")).toBe("2025-03");
  });

  it("speaks English too", () => {
    panel(result, "en");
    expect(item("BUD-PERSONNEL").textContent).toMatch(/Personnel cost cap/);
    expect(item("BUD-PERSONNEL").textContent).toMatch(/At contract end97,800 yuan/);
    const warning = document.querySelector('button[data-rule="BUD-OVERRUN"]')!.closest("li")!;
    expect(within(warning).getByTestId("pace-cross").textContent).toBe(
      "At this rate it is crossed in March 2025 (2,800 yuan over)"
    );
  });
});
