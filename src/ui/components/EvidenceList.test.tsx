/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EvidenceList, FIRST_ROWS } from "./EvidenceList";
import { checkedSample, panel } from "./pace-testing";
import { STRINGS } from "../strings";
import type { UiFinding, WorkbookResult } from "../protocol";

const progressItem = (rule: string) =>
  screen.getByTestId("progress").querySelector(`li[data-rule="${rule}"]`) as HTMLElement;

describe("the rows behind a figure", () => {
  let result: WorkbookResult;
  beforeAll(async () => {
    result = await checkedSample();
  }, 30000);

  it("is collapsed by default to its counts", () => {
    panel(result);
    const personnel = within(progressItem("BUD-PERSONNEL")).getByTestId("evidence-toggle");
    expect(personnel.textContent).toBe("明细：计入 18 行");
    expect(personnel.getAttribute("aria-expanded")).toBe("false");
    expect(document.querySelector("[data-row]")).toBeNull();
    // Among the problems too, with the rows left out counted.
    const services = document.querySelector('button[data-rule="KPI-SERVICES"]')!.closest("li")!;
    expect(within(services).getByTestId("evidence-toggle").textContent).toBe(
      "明细：计入 4 行，未计入 11 行"
    );
  });

  it("opens to the payees, the rows and their values; a row goes to its cell", async () => {
    const onGo = panel(result);
    const item = progressItem("BUD-PERSONNEL");
    await act(async () => fireEvent.click(within(item).getByTestId("evidence-toggle")));
    expect(within(item).getByTestId("evidence-toggle").getAttribute("aria-expanded")).toBe("true");
    const payees = within(item).getByTestId("by-payee");
    expect(payees.textContent).toMatch(/古丽米拉·艾则孜22,8006 笔/);
    const rows = item.querySelectorAll('[data-evidence="counted"] li');
    expect(rows.length).toBe(18);
    expect(rows[0].textContent).toMatch(/^第 2 行[\d,]+$/);
    const go = within(item).getByRole("button", { name: "转到 支出台账 第 2 行" });
    await act(async () => fireEvent.click(go));
    expect(onGo).toHaveBeenCalledWith("支出台账", "A2");
  });

  it("lists each row left out with its reason", async () => {
    panel(result);
    const services = document.querySelector('button[data-rule="KPI-SERVICES"]')!.closest("li")!;
    await act(async () => fireEvent.click(within(services).getByTestId("evidence-toggle")));
    const left = [...services.querySelectorAll('[data-evidence="left"] li')].map(
      (l) => l.textContent
    );
    expect(left).toHaveLength(11);
    expect(left).toContain("第 6 行日期晚于报告截止日期");
    expect(left.every((t) => /^第 \d+ 行\S+/.test(t!))).toBe(true);
  });

  it("shows the first rows of a long list and the rest on request", async () => {
    const f = {
      rule: "BUD-TOTAL",
      severity: "info",
      area: "budget",
      message: { zh: "", en: "" },
      evidence: Array.from({ length: FIRST_ROWS + 12 }, (_, i) => ({
        sheet: "支出台账",
        row: i + 2,
        counted: true,
        value: 100,
      })),
    } as UiFinding;
    render(
      <FluentProvider theme={webLightTheme}>
        <EvidenceList f={f} lang="en" s={STRINGS.en} />
      </FluentProvider>
    );
    await act(async () => fireEvent.click(screen.getByTestId("evidence-toggle")));
    expect(screen.getByTestId("evidence-toggle").textContent).toBe("Rows behind it: 42 counted");
    expect(document.querySelectorAll("[data-row]").length).toBe(FIRST_ROWS);
    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Show the other 12 rows" }))
    );
    expect(document.querySelectorAll("[data-row]").length).toBe(FIRST_ROWS + 12);
  });
});
