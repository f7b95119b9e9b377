/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ComparePanel, sameProject } from "./ComparePanel";
import { StandaloneView } from "./StandaloneView";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";

const SAMPLES = join(__dirname, "..", "..", "..", "workbooks", "samples");
const EARLIER = "06-zhanmin-interim-earlier.xlsx";
const LATER = "02-zhanmin-interim-behind.xlsx";

function bytesOf(name: string): ArrayBuffer {
  const b = readFileSync(join(SAMPLES, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export function fileOf(name: string, bytes: ArrayBuffer = bytesOf(name)): File {
  const f = new File([bytes], name);
  // jsdom's File lacks arrayBuffer(); the page's browsers have it.
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.slice(0) });
  return f;
}

async function checked(engine: InProcessEngine, id: string, name: string) {
  await engine.request({ type: "check-bytes", id, name, bytes: bytesOf(name) });
}

function panel(
  engine: InProcessEngine,
  onGo: (sheet: string, cell: string) => void,
  lang: "zh" | "en" = "zh",
  candidates: { id: string; name: string }[] = []
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ComparePanel
        engine={engine}
        id="later"
        candidates={candidates}
        intro={STRINGS[lang].compare.introPage}
        lang={lang}
        s={STRINGS[lang]}
        onGo={onGo}
      />
    </FluentProvider>
  );
}

async function pick(file: File) {
  await act(async () => {
    fireEvent.change(screen.getByTestId("compare-file-input"), { target: { files: [file] } });
  });
}

const conclusion = () =>
  waitFor(() => screen.getByTestId("compare-conclusion"), { timeout: 20000 });

describe("ComparePanel", () => {
  it("compares with a picked earlier file: conclusion, SUB-RETRO first, counts, rows with old → new", async () => {
    const engine = new InProcessEngine();
    await checked(engine, "later", LATER);
    const went: string[] = [];
    panel(engine, (sheet, cell) => went.push(`${sheet}!${cell}`));
    await pick(fileOf(EARLIER));
    expect((await conclusion()).textContent).toContain(
      "发现 1 处追溯修改：已报送期间的数据被改动，请核对。共新增 15 行、删除 0 行、修改 2 行。"
    );
    expect(screen.getByText(`较早报送：${EARLIER}（截至 2024-09-05）`)).toBeTruthy();
    expect(screen.getByText(`较晚报送：${LATER}（截至 2024-10-15）`)).toBeTruthy();

    const retro = screen.getByRole("button", { name: /SUB-RETRO · 支出台账!F21/ });
    expect(retro.textContent).toContain("警告 · 已报送数据被追溯修改 · 依据 五.(二)；五.(三)");
    expect(retro.textContent).toContain("金额 4,800 → 4,600");

    const counts = screen.getByTestId("compare-tables");
    const ledger = within(counts).getByRole("row", { name: /支出台账/ });
    expect(ledger.textContent).toBe("支出台账4–11");

    // The ledger holds the retroactive row: open at first, that row listed first.
    const row = document.querySelector('[data-change="changed"][data-retro="true"]')!;
    expect(row.getAttribute("data-cell")).toBe("支出台账!F21");
    expect(row.textContent).toContain("修改 · 第 21 行");
    expect(row.textContent).toContain("金额：4,800 → 4,600");
    expect(row.textContent).toContain("追溯修改");
    await act(async () => {
      fireEvent.click(row);
      fireEvent.click(retro);
    });
    expect(went).toEqual(["支出台账!F21", "支出台账!F21"]);

    // An added row goes to its cell; the folded sections open on demand.
    const added = document.querySelector('[data-change="added"][data-cell="支出台账!A17"]');
    expect(added).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /绩效指标：较早 → 较晚/ }));
    });
    const kpis = screen.getByTestId("compare-kpis");
    expect(within(kpis).getByRole("row", { name: /受益群众（人）/ }).textContent).toBe(
      "受益群众（人）106120100"
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /预算与支出/ }));
    });
    expect(
      within(screen.getByTestId("compare-budget")).getByRole("row", { name: /人力成本/ })
        .textContent
    ).toBe("人力成本40,75048,900≤ 100,000");
    // Counts follow the rules (which change): the wording is what is tested here.
    expect(screen.getByText(/^问题对比：新出现 \d+ · 已解决 \d+ · 仍存在 \d+$/)).toBeTruthy();
    expect(screen.getByRole("button", { name: /^已解决 \(\d+\)$/ })).toBeTruthy();
  }, 60000);

  it("says, naming the files, when the two are different projects or the file cannot be read", async () => {
    const engine = new InProcessEngine();
    await checked(engine, "later", LATER);
    panel(engine, () => {});
    await pick(fileOf("03-tokezhake-budget-ledger.xlsx"));
    const error = await waitFor(() => screen.getByTestId("compare-error"), { timeout: 20000 });
    expect(error.textContent).toContain("两份工作簿不是同一项目的报送");
    expect(error.textContent).toContain("03-tokezhake-budget-ledger.xlsx 的项目编号为");
    await pick(fileOf("上月报送.xlsx", new TextEncoder().encode("not a workbook").buffer));
    await waitFor(
      () =>
        expect(screen.getByTestId("compare-error").textContent).toBe(
          "无法读取「上月报送.xlsx」：不是 Excel 工作簿（.xlsx）文件。"
        ),
      { timeout: 20000 }
    );
    expect(screen.queryByTestId("compare-result")).toBeNull();
  }, 60000);

  it("speaks English", async () => {
    const engine = new InProcessEngine();
    await checked(engine, "later", LATER);
    panel(engine, () => {}, "en");
    expect(
      screen.getByRole("heading", { name: "Compare with an earlier submission" })
    ).toBeTruthy();
    await pick(fileOf(EARLIER));
    expect((await conclusion()).textContent).toBe(
      "1 retroactive change: reported history was changed; check it. In all 15 rows added, 0 removed, 2 changed."
    );
    const row = document.querySelector('[data-change="changed"][data-retro="true"]')!;
    expect(row.textContent).toContain("Changed · row 21");
    expect(row.textContent).toContain("retroactive");
    expect(
      screen.getByRole("button", { name: /warning · .* · SUB-RETRO · 支出台账!F21/i })
    ).toBeTruthy();
  }, 60000);

  it("takes a picked file that is in fact the later one as the later, and then does not offer to go", async () => {
    const engine = new InProcessEngine();
    await checked(engine, "later", EARLIER);
    panel(engine, () => {});
    await pick(fileOf(LATER));
    await conclusion();
    expect(screen.getByText(/按报告截止日期/).textContent).toContain(
      `${LATER}（截至 2024-10-15）是较晚的一次`
    );
    expect(screen.getByText(/无法从这里定位/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /SUB-RETRO/ })).toBeNull();
    expect(document.querySelector('[data-rule="SUB-RETRO"]')).toBeTruthy();
  }, 60000);

  it("offers the loaded workbooks of the same project only", () => {
    const done = (id: string, code: string | null) => ({
      id,
      name: `${id}.xlsx`,
      result: { facts: { code } },
    });
    const list = [
      done("a", "SFMZ-FC-2024-02"),
      done("b", "sfmz-fc-2024-02 "),
      done("c", "X"),
      done("d", null),
    ];
    expect(sameProject(list, list[0])).toEqual([{ id: "b", name: "b.xlsx" }]);
    expect(sameProject(list, list[3])).toEqual([]);
  });
});

describe("the page's comparison", () => {
  it("compares the chosen file with another loaded one and opens the preview at a changed row", async () => {
    const engine = new InProcessEngine();
    render(
      <FluentProvider theme={webLightTheme}>
        <StandaloneView engine={engine} lang="zh" s={STRINGS.zh} />
      </FluentProvider>
    );
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: {
          files: [fileOf(LATER), fileOf(EARLIER), fileOf("03-tokezhake-budget-ledger.xlsx")],
        },
      });
    });
    const select = await waitFor(() => screen.getByTestId("compare-loaded") as HTMLSelectElement, {
      timeout: 30000,
    });
    // Only the other submission of the same project is offered.
    expect([...select.options].map((o) => o.textContent)).toEqual(["（请选择）", EARLIER]);
    await act(async () => {
      fireEvent.change(select, { target: { value: select.options[1].value } });
    });
    await conclusion();
    const row = document.querySelector('button[data-change="changed"][data-retro="true"]')!;
    await act(async () => {
      fireEvent.click(row);
    });
    await waitFor(
      () =>
        expect(document.querySelector('td[aria-selected="true"]')?.getAttribute("data-cell")).toBe(
          "支出台账!F21"
        ),
      { timeout: 10000 }
    );
  }, 90000);
});

describe("removed rows and staff dates", () => {
  it("lists a removed row without a way to go to it, its SUB-RETRO on the table, and masks IDs", async () => {
    const { mkdtempSync } = await import("fs");
    const { tmpdir } = await import("os");
    const v8 = await import("v8");
    // jsdom has no structuredClone; the workbook builder's content is plain data.
    globalThis.structuredClone ??= <T,>(v: T): T => v8.deserialize(v8.serialize(v)) as T;
    const { writeSubmissions } = await import("../../../test/support/submissions");
    const dir = mkdtempSync(join(tmpdir(), "fucai-compare-"));
    const { earlier, later } = await writeSubmissions(dir);
    const engine = new InProcessEngine();
    const read = (p: string) => {
      const b = readFileSync(p);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    };
    await engine.request({
      type: "check-bytes",
      id: "later",
      name: "10月.xlsx",
      bytes: read(later),
    });
    const went: string[] = [];
    panel(engine, (sheet, cell) => went.push(`${sheet}!${cell}`));
    await pick(fileOf("8月.xlsx", read(earlier)));
    expect((await conclusion()).textContent).toMatch(/^发现 5 处追溯修改/);

    const removed = document.querySelector<HTMLElement>('[data-change="removed"]')!;
    expect(removed.tagName).toBe("DIV");
    expect(removed.textContent).toMatch(/^删除 · 较早报送第 \d+ 行追溯修改/);
    expect(removed.textContent).toContain("入户走访交通费（重复录入）");

    // The staff member's start date moved (a retroactive change, so the sheet is open): their
    // row is named by the masked ID number.
    const staff = document.querySelector<HTMLElement>(
      '[data-cell^="人员!"][data-change="changed"]'
    )!;
    expect(staff.textContent).toMatch(/身份证号 \d{6}\*{8}[\dX]{4}/);
    expect(staff.textContent).toContain("2024-04-15");
    expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);

    // Every SUB-RETRO goes somewhere, the removed row's to its table on the later workbook.
    const retro = [...document.querySelectorAll<HTMLElement>('button[data-rule="SUB-RETRO"]')];
    expect(retro).toHaveLength(5);
    await act(async () => {
      for (const b of retro) fireEvent.click(b);
    });
    expect(went).toHaveLength(5);
    expect(went.every((w) => /^[^!]+![A-Z]+\d+(:[A-Z]+\d+)?$/.test(w))).toBe(true);
  }, 90000);
});
