/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StandaloneView } from "./StandaloneView";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";

const SAMPLES = join(__dirname, "..", "..", "..", "workbooks", "samples");

function file(name: string): File {
  const bytes = readFileSync(join(SAMPLES, name));
  const f = new File([bytes], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  // jsdom's File lacks arrayBuffer(); the page's browsers have it.
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return f;
}

function renderView(
  lang: "zh" | "en" = "zh",
  loadSample?: () => Promise<{ name: string; bytes: ArrayBuffer }>
) {
  const engine = new InProcessEngine();
  render(
    <FluentProvider theme={webLightTheme}>
      <StandaloneView engine={engine} lang={lang} s={STRINGS[lang]} loadSample={loadSample} />
    </FluentProvider>
  );
  return engine;
}

async function add(...names: string[]) {
  await act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), {
      target: { files: names.map(file) },
    });
  });
}

describe("StandaloneView", () => {
  it("checks a chosen workbook and lists its findings by area, with rule IDs and severity in words", async () => {
    renderView();
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [file("03-tokezhake-budget-ledger.xlsx")] },
      });
    });
    await waitFor(
      () =>
        expect(screen.getAllByRole("button", { name: /BUD-PERSONNEL/ }).length).toBeGreaterThan(0),
      { timeout: 15000 }
    );
    expect(screen.getByRole("heading", { name: /预算/ })).toBeTruthy();
    const item = screen.getAllByRole("button", { name: /BUD-PERSONNEL · 支出台账!F26/ })[0];
    expect(item.textContent).toContain("错误");
    expect(item.getAttribute("data-cell")).toBe("支出台账!F26");
  }, 30000);

  it("selects the finding's cell in the preview when a finding is clicked", async () => {
    renderView();
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [file("03-tokezhake-budget-ledger.xlsx")] },
      });
    });
    const item = await waitFor(() => screen.getAllByRole("button", { name: /LED-CATEGORY/ })[0], {
      timeout: 15000,
    });
    await act(async () => {
      fireEvent.click(item);
    });
    await waitFor(() => {
      const cell = document.querySelector('td[aria-selected="true"]');
      expect(cell?.getAttribute("data-cell")).toBe("支出台账!C31");
      expect(cell?.textContent).toBe("办公费");
    });
  }, 30000);

  it("filters: a chip shows only its severity, looks pressed, and shows all again when released", async () => {
    renderView();
    await add("03-tokezhake-budget-ledger.xlsx");
    await waitFor(() => screen.getAllByRole("button", { name: /LED-AMOUNT/ }), { timeout: 15000 });
    const chip = () => document.querySelector('[data-severity="warning"]') as HTMLElement;
    expect(chip().getAttribute("aria-pressed")).toBe("false");
    await act(async () => fireEvent.click(chip()));
    expect(chip().getAttribute("aria-pressed")).toBe("true");
    const shown = () =>
      [...document.querySelectorAll("button[data-rule]")].map(
        (b) => b.textContent!.split(" · ")[0]
      );
    expect(new Set(shown())).toEqual(new Set(["警告"]));
    await act(async () => fireEvent.click(chip()));
    expect(new Set(shown())).toEqual(new Set(["错误", "警告", "提示"]));
  }, 30000);

  it("keeps every group with an error open, and each file's own open/closed state", async () => {
    renderView();
    await add(
      "02-zhanmin-interim-behind.xlsx",
      "03-tokezhake-budget-ledger.xlsx",
      "05-zhanmin-format-drift.xlsx"
    );
    await waitFor(() => expect(document.querySelectorAll('[data-status="fail"]').length).toBe(3), {
      timeout: 20000,
    });
    const openFile = async (name: string) => {
      const item = document.querySelector(`li[data-file="${name}"] button`) as HTMLElement;
      await act(async () => fireEvent.click(item));
    };
    const header = (area: string) =>
      document.querySelector(`[data-area="${area}"] button`) as HTMLElement;
    const expanded = (area: string) => header(area)?.getAttribute("aria-expanded");
    // 02: close the budget group (a warning only); it stays closed for 02 alone.
    await openFile("02-zhanmin-interim-behind.xlsx");
    await act(async () => fireEvent.click(header("budget")));
    expect(expanded("budget")).toBe("false");
    // Its KPI group holds an error (a monthly report missing): it does not close.
    await act(async () => fireEvent.click(header("kpi")));
    expect(expanded("kpi")).toBe("true");
    // 05 holds errors under 数据与格式: that group is open, and cannot be closed.
    await openFile("05-zhanmin-format-drift.xlsx");
    expect(expanded("data")).toBe("true");
    expect(expanded("budget")).toBe("true");
    await act(async () => fireEvent.click(header("data")));
    expect(expanded("data")).toBe("true");
    const errors = [...document.querySelectorAll("button[data-rule]")].filter((b) =>
      b.textContent!.startsWith("错误 · ")
    );
    expect(errors.length).toBe(6);
    await openFile("02-zhanmin-interim-behind.xlsx");
    expect(expanded("budget")).toBe("false");
  }, 40000);

  it("lists each file with its status and counts, says why one cannot be read, removes and clears", async () => {
    const engine = renderView("en");
    const bad = new File([new Uint8Array([1, 2, 3])], "broken.xlsx");
    Object.defineProperty(bad, "arrayBuffer", {
      value: async () => new Uint8Array([1, 2, 3]).buffer,
    });
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [bad, file("01-wupaer-final-compliant.xlsx")] },
      });
    });
    await waitFor(
      () => expect(engine.requests.filter((r) => r === "check-bytes")).toHaveLength(2),
      { timeout: 15000 }
    );
    await waitFor(() => expect(document.querySelector('[data-status="ok"]')).toBeTruthy());
    const broken = document.querySelector('li[data-file="broken.xlsx"]') as HTMLElement;
    expect(broken.getAttribute("data-status")).toBe("unreadable");
    expect(within(broken).getByTestId("read-error").textContent).toMatch(/not an Excel workbook/);
    const good = document.querySelector('li[data-file="01-wupaer-final-compliant.xlsx"]')!;
    expect(good.textContent).toMatch(/compliant/);
    expect(good.textContent).toMatch(/Errors 0 · Warnings 0 · Info 0/);
    await act(async () => fireEvent.click(within(broken).getByRole("button", { name: /Remove/ })));
    expect(document.querySelector('li[data-file="broken.xlsx"]')).toBeNull();
    expect(engine.requests).toContain("forget");
    await act(async () => fireEvent.click(screen.getByTestId("clear-files")));
    expect(document.querySelectorAll("li[data-file]").length).toBe(0);
    expect(screen.getByTestId("start")).toBeTruthy();
  }, 30000);

  it("ignores a file added twice, says so, and raises no cross-project finding for it", async () => {
    const engine = renderView();
    await add("01-wupaer-final-compliant.xlsx");
    await waitFor(() => expect(document.querySelector('[data-status="ok"]')).toBeTruthy(), {
      timeout: 15000,
    });
    await add("01-wupaer-final-compliant.xlsx");
    expect(screen.getByTestId("note").textContent).toContain("内容相同，未重复添加");
    expect(document.querySelectorAll("li[data-file]").length).toBe(1);
    expect(engine.requests.filter((r) => r === "check-bytes")).toHaveLength(1);
    expect(screen.queryByTestId("cross")).toBeNull();
  }, 30000);

  it("shows cross-project findings apart, and a reference opens its file at its cell", async () => {
    renderView();
    await add("02-zhanmin-interim-behind.xlsx", "04-wupaer-staff-kpi.xlsx");
    const cross = await waitFor(() => screen.getByTestId("cross"), { timeout: 20000 });
    expect(within(cross).getByText(/专职人员跨项目任职/)).toBeTruthy();
    const ref = cross.querySelector('[data-ref="02-zhanmin-interim-behind.xlsx|人员!B4"]')!;
    await act(async () => fireEvent.click(ref));
    const active = document.querySelector('li[data-file] button[aria-current="true"]')!;
    expect(active.textContent).toContain("02-zhanmin-interim-behind.xlsx");
    await waitFor(() => {
      const cell = document.querySelector('td[aria-selected="true"]');
      expect(cell?.getAttribute("data-cell")).toBe("人员!B4");
    });
  }, 40000);

  it("starts with what is checked, the template, help and a sample to try", async () => {
    const engine = renderView("zh", async () => {
      const bytes = readFileSync(join(SAMPLES, "02-zhanmin-interim-behind.xlsx"));
      return {
        name: "02-zhanmin-interim-behind.xlsx",
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      };
    });
    const start = screen.getByTestId("start");
    expect(start.textContent).toContain("实施方案");
    await act(async () =>
      fireEvent.click(within(start).getByRole("button", { name: "下载标准模板" }))
    );
    await waitFor(() => expect(engine.requests).toContain("template"), { timeout: 15000 });
    await act(async () =>
      fireEvent.click(within(start).getByRole("button", { name: "试用示例工作簿" }))
    );
    await waitFor(
      () =>
        expect(
          document.querySelector('li[data-file="02-zhanmin-interim-behind.xlsx"]')
        ).toBeTruthy(),
      {
        timeout: 15000,
      }
    );
    expect(screen.queryByTestId("start")).toBeNull();
  }, 30000);

  it("keeps progress on track apart from the problems, with its figures as bars", async () => {
    renderView();
    await add("02-zhanmin-interim-behind.xlsx");
    const progress = await waitFor(() => screen.getByTestId("progress"), { timeout: 15000 });
    const items = progress.querySelectorAll('[data-status="progress"]');
    expect(items.length).toBeGreaterThan(0);
    // Each with its pace as figures (PaceLine), not as the message's sentence.
    for (const li of items) expect(li.querySelector("[data-pace]")).toBeTruthy();
    // Not counted among 提示, not a button among the problems.
    expect(document.querySelectorAll('button[data-status="progress"]').length).toBe(0);
    const chart = within(progress).getByTestId("progress-chart");
    expect(chart.querySelector('[data-line="人力成本"]')!.textContent).toMatch(/\/ ≤ 100,000/);
    expect(chart.querySelector('[data-line="KPI-ORGS"]')!.textContent).toMatch(/应达到 5/);
  }, 30000);

  it("previews like Excel: formats, sheet counts, reasons on hover, a click selects the finding", async () => {
    renderView();
    await add("03-tokezhake-budget-ledger.xlsx");
    await waitFor(() => expect(document.querySelector("table[data-sheet]")).toBeTruthy(), {
      timeout: 15000,
    });
    const tabs = [...document.querySelectorAll("[data-sheet-tab]")];
    const first = tabs.find((t) => /（\d+）/.test(t.textContent!))!;
    expect(first.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("legend").textContent).toMatch(/错误.*警告.*提示/);
    // The budget sheet in the workbook's own number formats.
    const budgetTab = tabs.find((t) => t.getAttribute("data-sheet-tab") === "预算") as HTMLElement;
    expect(budgetTab.textContent).toMatch(/预算（\d+）/);
    await act(async () => fireEvent.click(budgetTab));
    const planned = await waitFor(() => {
      const c = document.querySelector('td[data-cell="预算!B2"]');
      expect(c?.textContent).toBe("105,000.00");
      return c as HTMLElement;
    });
    expect(planned.getAttribute("data-mark")).toBe("error");
    expect(planned.getAttribute("title")).toMatch(
      /^此单元格的问题：\n错误：人力成本预算 105,000 元/
    );
    await act(async () => fireEvent.click(planned));
    const chosen = document.querySelector('button[data-selected="true"]')!;
    expect(chosen.getAttribute("data-cell")).toBe("预算!B2");
    expect(document.querySelector('td[data-cell="预算!D2"]')!.textContent).toMatch(/^\d+\.\d%$/);
  }, 30000);
});
