/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelView } from "./ExcelView";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";
import type { ExcelBridge } from "../bridge";
import { compliantFixture, toModel } from "../../engine/testing/fixture";

function fakeBridge(): ExcelBridge & { calls: string[]; trigger?: () => void } {
  const fx = compliantFixture();
  fx.budget["人力成本"] = 120000; // one error to show
  const calls: string[] = [];
  const bridge: ExcelBridge & { calls: string[]; trigger?: () => void } = {
    calls,
    readModel: async () => (calls.push("read"), toModel(fx)),
    select: async (sheet, cell) => void calls.push(`select ${sheet}!${cell}`),
    mark: async (findings) => (calls.push(`mark ${findings.length}`), 3),
    clear: async () => void calls.push("clear"),
    writeSummary: async (summary) => (calls.push(`summary ${summary.facts.code}`), "汇总-合规"),
    insertTemplate: async () => void calls.push("template"),
    watch: async (onChange) => {
      calls.push("watch");
      bridge.trigger = onChange;
      return async () => void calls.push("unwatch");
    },
  };
  return bridge;
}

function renderPane(bridge: ExcelBridge, lang: "zh" | "en" = "zh") {
  render(
    <FluentProvider theme={webLightTheme}>
      <ExcelView engine={new InProcessEngine()} excel={bridge} lang={lang} s={STRINGS[lang]} />
    </FluentProvider>
  );
}

describe("ExcelView", () => {
  it("checks as soon as the pane opens and shows the findings with their figures", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    const item = await waitFor(
      () => screen.getByRole("button", { name: /BUD-PERSONNEL · 预算!B2/ }),
      { timeout: 15000 }
    );
    expect(bridge.calls[0]).toBe("read");
    expect(item.textContent).toContain("人力成本预算 120,000 元");
    expect(screen.getByText("末期")).toBeTruthy();
  }, 30000);

  it("selects a finding's cell in Excel when it is clicked or chosen with the keyboard", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    const item = await waitFor(
      () => screen.getByRole("button", { name: /BUD-PERSONNEL · 预算!B2/ }),
      { timeout: 15000 }
    );
    item.focus();
    expect(document.activeElement).toBe(item);
    await act(async () => {
      fireEvent.click(item);
    });
    expect(bridge.calls).toContain("select 预算!B2");
  }, 30000);

  it("marks, clears and writes the summary through the bridge", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    await waitFor(() => screen.getByRole("button", { name: /BUD-PERSONNEL/ }), { timeout: 15000 });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "标记到单元格" }));
    });
    await waitFor(() => expect(screen.getByText("已标记 3 个单元格。")).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    });
    await waitFor(() => expect(screen.getByText("已写出汇总工作表「汇总-合规」。")).toBeTruthy());
    expect(bridge.calls.filter((c) => !c.startsWith("read"))).toEqual([
      expect.stringMatching(/^mark \d+$/),
      "clear",
      "summary TEST-001",
    ]);
  }, 30000);

  it("re-checks after edits while live check is on, and stops watching when it is off", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    await waitFor(() => screen.getByRole("button", { name: /BUD-PERSONNEL/ }), { timeout: 15000 });
    const live = screen.getByRole("switch");
    await act(async () => {
      fireEvent.click(live);
    });
    await waitFor(() => expect(bridge.calls).toContain("watch"));
    await act(async () => {
      bridge.trigger!();
    });
    await waitFor(() => expect(bridge.calls.filter((c) => c === "read")).toHaveLength(2));
    await act(async () => {
      fireEvent.click(live);
    });
    await waitFor(() => expect(bridge.calls).toContain("unwatch"));
  }, 30000);

  it("says what went wrong when Excel cannot be read, without a stack trace", async () => {
    const bridge = fakeBridge();
    bridge.readModel = async () => {
      throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
    };
    renderPane(bridge, "en");
    await waitFor(
      () => expect(screen.getByText(/Failed: RichApi.Error: The request payload/)).toBeTruthy(),
      { timeout: 15000 }
    );
    expect(document.body.textContent).not.toMatch(/\bat \w+ \(/);
  }, 30000);
});
