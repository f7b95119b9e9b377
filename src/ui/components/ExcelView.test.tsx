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

type Caps = ReturnType<ExcelBridge["capabilities"]>;
type MarkResult = Awaited<ReturnType<ExcelBridge["mark"]>>;

const ALL: Caps = {
  check: true,
  notes: true,
  comments: true,
  insertTemplate: true,
  marks: true,
  summarySheet: true,
};

const marked = (over: Partial<MarkResult> = {}): MarkResult => ({
  mode: "notes",
  cells: 3,
  notes: 2,
  userNotesKept: 0,
  gradientsSkipped: 0,
  missingSheets: [],
  protectedSheets: [],
  cleared: { restored: 0, removed: 0, changedByUser: 0, protectedSheets: [] },
  ...over,
});

type FakeBridge = ExcelBridge & { calls: string[]; trigger?: () => void };

function fakeBridge(caps: Caps = ALL): FakeBridge {
  const fx = compliantFixture();
  fx.budget["人力成本"] = 120000; // one error to show
  const calls: string[] = [];
  const bridge: FakeBridge = {
    calls,
    capabilities: () => caps,
    readModel: async () => (calls.push("read"), toModel(fx)),
    select: async (sheet, cell) => (calls.push(`select ${sheet}!${cell}`), "selected"),
    mark: async (findings) => (calls.push(`mark ${findings.length}`), marked()),
    clear: async () => (
      calls.push("clear"),
      { restored: 3, removed: 2, changedByUser: 0, protectedSheets: [] }
    ),
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

/** One engine for every render, as the App keeps one. */
const engine = new InProcessEngine();

function pane(bridge: ExcelBridge, lang: "zh" | "en" = "zh") {
  return (
    <FluentProvider theme={webLightTheme}>
      <ExcelView engine={engine} excel={bridge} lang={lang} s={STRINGS[lang]} />
    </FluentProvider>
  );
}

function renderPane(bridge: ExcelBridge, lang: "zh" | "en" = "zh") {
  return render(pane(bridge, lang));
}

const findingShown = () =>
  waitFor(() => screen.getByRole("button", { name: /BUD-PERSONNEL · 预算!B2/ }), {
    timeout: 15000,
  });

const click = async (name: string | RegExp) => {
  const button = await waitFor(() => screen.getByRole("button", { name }), { timeout: 15000 });
  await act(async () => {
    fireEvent.click(button);
  });
};

describe("ExcelView", () => {
  it("checks as soon as the pane opens and shows the findings with their figures", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    const item = await findingShown();
    expect(bridge.calls[0]).toBe("read");
    expect(item.textContent).toContain("人力成本预算 120,000 元");
    expect(screen.getByText("末期")).toBeTruthy();
  }, 30000);

  it("selects a finding's cell in Excel when it is clicked or chosen with the keyboard", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    const item = await findingShown();
    item.focus();
    expect(document.activeElement).toBe(item);
    await act(async () => {
      fireEvent.click(item);
    });
    expect(bridge.calls).toContain("select 预算!B2");
  }, 30000);

  it("says so when a finding's sheet is hidden", async () => {
    const bridge = fakeBridge();
    bridge.select = async () => "hidden";
    renderPane(bridge);
    const item = await findingShown();
    await act(async () => {
      fireEvent.click(item);
    });
    await waitFor(() => expect(screen.getByText(/工作表「预算」已隐藏/)).toBeTruthy());
  }, 30000);

  it("marks, clears and writes the summary through the bridge", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    await findingShown();
    await click("标记到单元格");
    await waitFor(() => expect(screen.getByText("已标记 3 个单元格，附说明 2 条。")).toBeTruthy());
    await click("清除标记");
    await waitFor(() =>
      expect(screen.getByText("已清除标记：恢复 3 个单元格，删除说明 2 条。")).toBeTruthy()
    );
    await click("生成汇总");
    await waitFor(() => expect(screen.getByText("已写出汇总工作表「汇总-合规」。")).toBeTruthy());
    expect(bridge.calls.filter((c) => !c.startsWith("read"))).toEqual([
      expect.stringMatching(/^mark \d+$/),
      "clear",
      "summary TEST-001",
    ]);
  }, 30000);

  it("shows what a run left out: protected and missing sheets, the user's own notes", async () => {
    const bridge = fakeBridge();
    bridge.mark = async () =>
      marked({
        userNotesKept: 2,
        protectedSheets: ["人员"],
        missingSheets: ["旧台账"],
        commentsFailed: true,
      });
    renderPane(bridge);
    await findingShown();
    await click("标记到单元格");
    await waitFor(() => expect(screen.getByText(/以下工作表受保护，没有标记：人员/)).toBeTruthy());
    expect(screen.getByText(/以下工作表已不存在，其中的问题未标记：旧台账/)).toBeTruthy();
    expect(screen.getByText(/2 个单元格已有您自己的批注或评论/)).toBeTruthy();
    expect(screen.getByText(/部分说明未能以评论添加/)).toBeTruthy();
  }, 30000);

  it("below ExcelApi 1.9 disables marking and says why, instead of marking nothing", async () => {
    const bridge = fakeBridge({
      ...ALL,
      marks: false,
      notes: false,
      comments: false,
      insertTemplate: false,
    });
    renderPane(bridge);
    await findingShown();
    const mark = screen.getByRole("button", { name: "标记到单元格" }) as HTMLButtonElement;
    expect(mark.disabled).toBe(true);
    expect(mark.getAttribute("aria-describedby")).toBe("excel-reasons");
    expect(screen.getByText(/不能把单元格颜色原样恢复，因此不标记/)).toBeTruthy();
    expect(screen.getByText(/不能插入模板/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "生成汇总" }) as HTMLButtonElement).disabled).toBe(
      false
    );
  }, 30000);

  it("asks before inserting the template, saying it clears Excel's undo history", async () => {
    const bridge = fakeBridge();
    const fetchMock = jest.fn(async () => ({ arrayBuffer: async () => new ArrayBuffer(4) }));
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    renderPane(bridge);
    await findingShown();
    await click("插入标准模板");
    expect(screen.getByText(/撤销记录会被清空/)).toBeTruthy();
    await click("取消");
    await waitFor(() => expect(screen.queryByText(/撤销记录会被清空/)).toBeNull(), {
      timeout: 15000,
    });
    expect(bridge.calls).not.toContain("template");
    await click("插入标准模板");
    await click("插入");
    await waitFor(() => expect(bridge.calls).toContain("template"));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  }, 60000);

  it("re-checks after edits while live check is on, and stops watching when it is off", async () => {
    const bridge = fakeBridge();
    renderPane(bridge);
    await findingShown();
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

  it("switching language neither reads nor checks again, nor re-registers live checking", async () => {
    const bridge = fakeBridge();
    const { rerender } = renderPane(bridge, "zh");
    await findingShown();
    await act(async () => {
      fireEvent.click(screen.getByRole("switch"));
    });
    await waitFor(() => expect(bridge.calls).toContain("watch"));
    await act(async () => {
      rerender(pane(bridge, "en"));
    });
    await waitFor(() => screen.getByRole("button", { name: "Check again" }));
    await new Promise((r) => setTimeout(r, 200));
    expect(bridge.calls).toEqual(["read", "watch"]);
  }, 30000);

  it("checks again after a check that an edit interrupted, instead of dropping the edit", async () => {
    const bridge = fakeBridge();
    const read = bridge.readModel;
    let release: () => void = () => {};
    let holding = false;
    bridge.readModel = async () => {
      if (holding) await new Promise<void>((r) => (release = r));
      return read();
    };
    renderPane(bridge);
    await findingShown();
    await act(async () => {
      fireEvent.click(screen.getByRole("switch"));
    });
    await waitFor(() => expect(bridge.calls).toContain("watch"));
    holding = true;
    await act(async () => {
      bridge.trigger!(); // a check starts and waits in readModel
    });
    holding = false;
    await act(async () => {
      bridge.trigger!(); // the user edits again while it runs
    });
    await act(async () => {
      release();
    });
    await waitFor(() => expect(bridge.calls.filter((c) => c === "read")).toHaveLength(3), {
      timeout: 15000,
    });
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

  it("words Excel's errors in the pane's language, and again after switching", async () => {
    const bridge = fakeBridge();
    bridge.readModel = async () => {
      throw Object.assign(new Error("x"), {
        text: { zh: "Excel 正在编辑单元格。", en: "Excel is editing a cell." },
      });
    };
    const { rerender } = renderPane(bridge, "zh");
    await waitFor(() => expect(screen.getByText("操作失败: Excel 正在编辑单元格。")).toBeTruthy(), {
      timeout: 15000,
    });
    await act(async () => {
      rerender(pane(bridge, "en"));
    });
    expect(screen.getByText("Failed: Excel is editing a cell.")).toBeTruthy();
  }, 30000);
});
