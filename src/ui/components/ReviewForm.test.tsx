/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StandaloneView } from "./StandaloneView";
import { ExcelView } from "./ExcelView";
import { ReviewNote, today } from "./ReviewForm";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";
import type { UiFinding } from "../protocol";
import { officeBridge } from "../../hosts/excel/bridge";
import { FakeExcel } from "../../hosts/excel/testing/fake-excel";
import { compliantFixture, toModel } from "../../hosts/excel/testing/fixtures";
import { REVIEWS_SHEET } from "../../engine/contract/reviews-table";

const SAMPLES = join(__dirname, "..", "..", "..", "workbooks", "samples");

function file(name: string): File {
  const bytes = readFileSync(join(SAMPLES, name));
  const f = new File([bytes], name);
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return f;
}

const wrap = (node: React.ReactNode) => (
  <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
);

/** Opens the form on the finding of `rule` at `cell`. */
async function openForm(rule: string, cell: string) {
  const item = screen
    .getAllByRole("button", { name: new RegExp(`${rule} · ${cell}`) })
    .find((b) => b.getAttribute("data-cell") === cell)!;
  const li = item.closest("li")!;
  await act(async () => fireEvent.click(within(li).getByTestId("review-action")));
  // The surface (jsdom leaves it out of the accessibility tree).
  return await waitFor(
    () => screen.getByTestId("review-save").closest(".fui-DialogSurface") as HTMLElement
  );
}

function fill(dialog: HTMLElement, id: string, value: string) {
  fireEvent.change(within(dialog).getByTestId(id), { target: { value } });
}

describe("the review form and accepted findings", () => {
  it("on the page: says in Chinese what a decision lacks, then shows the finding as accepted", async () => {
    render(wrap(<StandaloneView engine={new InProcessEngine()} lang="zh" s={STRINGS.zh} />));
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [file("03-tokezhake-budget-ledger.xlsx")] },
      });
    });
    await waitFor(() => expect(screen.getAllByTestId("review-action").length).toBeGreaterThan(0), {
      timeout: 15000,
    });
    const errorsBefore = screen.getByRole("button", { name: /^错误 \d+/ }).textContent!;

    let dialog = await openForm("BUD-PERSONNEL", "预算!B2");
    expect(within(dialog).getByTestId("review-finding").textContent).toContain("BUD-PERSONNEL");
    // Today by default, nothing else yet.
    expect((within(dialog).getByTestId("review-date") as HTMLInputElement).value).toBe(today());
    fill(dialog, "review-decision", "认可");
    fill(dialog, "review-date", "");
    await act(async () => fireEvent.click(within(dialog).getByTestId("review-save")));
    const problems = within(dialog).getByTestId("review-problems").textContent!;
    expect(problems).toContain("请填写处理理由。");
    expect(problems).toContain("请填写处理人。");
    expect(problems).toContain("请填写处理日期。");

    fill(dialog, "review-explanation", "人员调整已报批");
    fill(dialog, "review-reason", "经民政局批准调整预算（疏民发〔2024〕12号）");
    fill(dialog, "review-reviewer", "王建华");
    fill(dialog, "review-date", "2024-12-20");
    await act(async () => fireEvent.click(within(dialog).getByTestId("review-save")));
    await waitFor(() => expect(screen.queryByTestId("review-save")).toBeNull());

    const item = screen
      .getAllByRole("button", { name: /BUD-PERSONNEL · 预算!B2/ })
      .find((b) => b.getAttribute("data-cell") === "预算!B2")!;
    expect(item.getAttribute("data-accepted")).toBe("true");
    expect(item.textContent).toContain("错误（已认可）");
    const note = item.closest("li")!.querySelector("[data-review]")!;
    expect(note.textContent).toContain("已认可（王建华，2024-12-20）");
    expect(note.textContent).toContain("情况说明：人员调整已报批");
    expect(note.textContent).toContain("理由：经民政局批准调整预算");
    expect(screen.getByText("已认可 1")).toBeTruthy();
    expect(screen.getByRole("button", { name: /^错误 \d+/ }).textContent).not.toBe(errorsBefore);
    expect(screen.getByTestId("reviews-unsaved").textContent).toContain("1 条审核意见");

    // The form opens again on the row it wrote: updated, never added twice.
    dialog = await openForm("BUD-PERSONNEL", "预算!B2");
    expect((within(dialog).getByTestId("review-reason") as HTMLTextAreaElement).value).toContain(
      "疏民发"
    );
    expect((within(dialog).getByTestId("review-decision") as HTMLSelectElement).value).toBe("认可");
  }, 40000);

  it("in Excel: writes the row into 审核意见 and checks again; a protected sheet is said in the form", async () => {
    const model = toModel(compliantFixture());
    model.sheets.find((s) => s.name === "支出台账")!.rows[2][5] = { v: -5 };
    const fake = FakeExcel.fromModel(model);
    render(
      wrap(
        <ExcelView
          engine={new InProcessEngine()}
          excel={officeBridge(fake.host)}
          lang="zh"
          s={STRINGS.zh}
        />
      )
    );
    await waitFor(() => expect(screen.getAllByTestId("review-action").length).toBeGreaterThan(0), {
      timeout: 15000,
    });
    let dialog = await openForm("LED-AMOUNT", "支出台账!F3");
    fill(dialog, "review-explanation", "退款冲红");
    await act(async () => fireEvent.click(within(dialog).getByTestId("review-save")));
    await waitFor(() => expect(screen.queryByTestId("review-save")).toBeNull());
    expect(fake.doc.sheet(REVIEWS_SHEET)).toBeDefined();
    await waitFor(() => expect(screen.getByText(/已新建「审核意见」工作表/)).toBeTruthy());
    const item = screen.getAllByRole("button", { name: /LED-AMOUNT · 支出台账!F3/ })[0];
    expect(item.closest("li")!.textContent).toContain("情况说明：退款冲红");

    fake.doc.sheet(REVIEWS_SHEET)!.protected = true;
    dialog = await openForm("LED-AMOUNT", "支出台账!F3");
    expect((within(dialog).getByTestId("review-explanation") as HTMLTextAreaElement).value).toBe(
      "退款冲红"
    );
    fill(dialog, "review-decision", "不认可");
    fill(dialog, "review-reason", "无退款凭证");
    fill(dialog, "review-reviewer", "李娜");
    await act(async () => fireEvent.click(within(dialog).getByTestId("review-save")));
    await waitFor(() =>
      expect(within(dialog).getByTestId("review-failure").textContent).toContain(
        "工作表「审核意见」受保护"
      )
    );
  }, 40000);

  it("says that an earlier decision was for other figures", () => {
    const f = {
      rule: "BUD-PERSONNEL",
      severity: "error",
      sheet: "预算",
      cell: "B2",
      message: { zh: "人力成本超出上限", en: "Personnel over the cap" },
      area: "budget",
      fingerprint: "1111111111111111",
      earlierReview: {
        explanation: null,
        decision: "认可",
        accepted: true,
        reason: "批准",
        by: "王建华",
        date: "2024-12-20",
        summary: null,
        fingerprint: "2222222222222222",
        sheet: REVIEWS_SHEET,
        row: 2,
      },
    } as UiFinding;
    render(wrap(<ReviewNote f={f} lang="zh" s={STRINGS.zh} />));
    expect(
      screen.getByText(/此前的处理意见「认可」（王建华，2024-12-20）针对的是另一组数字/)
    ).toBeTruthy();
    expect(screen.queryByText(/^已认可/)).toBeNull();
  });
});
