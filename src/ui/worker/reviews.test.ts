/**
 * A review written on the standalone page: the worker checks the file again with the row
 * applied, and the downloaded copy carries the row in 审核意见, which a fresh check applies.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../engine/check";
import { REVIEWS_SHEET } from "../../engine/contract/reviews-table";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { readWorkbookModel } from "../../hosts/xlsx/read-model";
import { tableColumns } from "../../hosts/xlsx/template/layout";
import { REVIEWS } from "../../engine/contract/reviews-table";
import type { WorkbookModel } from "../../engine/model";
import { EngineCore } from "./core";
import type { Request, WorkbookResult } from "../protocol";

const SAMPLE = join(__dirname, "../../../workbooks/samples/03-tokezhake-budget-ledger.xlsx");
const ACCEPT = {
  decision: "认可",
  reason: "经民政局批准",
  reviewer: "王建华",
  date: "2024-12-20",
} as const;

async function ask(core: EngineCore, req: Request) {
  return (await core.handle(req, () => undefined)).response;
}

async function checked(core: EngineCore, id: string, bytes: Uint8Array): Promise<WorkbookResult> {
  const r = await ask(core, {
    type: "check-bytes",
    id,
    name: "03.xlsx",
    bytes: bytes.slice().buffer,
  });
  if (r.type !== "checked") throw new Error(r.type);
  return r.result;
}

async function review(core: EngineCore, id: string, fingerprint: string, input: object) {
  return ask(core, { type: "review", id, fingerprint, input });
}

async function copyOf(core: EngineCore, id: string): Promise<Uint8Array> {
  const r = await ask(core, { type: "annotate", id, lang: "zh" });
  if (r.type !== "file") throw new Error(r.type);
  return new Uint8Array(r.bytes);
}

function recheck(bytes: Uint8Array) {
  return checkWorkbook(readWorkbookModel(bytes, "copy.xlsx"), { ruleset: bundledRuleSet() });
}

/** The sample without 审核意见 (as an older workbook), written back with ExcelJS. */
async function withoutReviewSheet(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.removeWorksheet(wb.getWorksheet(REVIEWS_SHEET)!.id);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("reviews on the standalone page (worker)", () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));

  it("applies the row at once, updates it on a second save, and the copy carries it", async () => {
    const core = new EngineCore();
    const result = await checked(core, "a", bytes);
    const f = result.findings.find((x) => x.severity === "error" && x.rule.startsWith("BUD"))!;
    const errors = result.findings.filter((x) => x.severity === "error" && !x.review).length;

    const first = await review(core, "a", f.fingerprint!, { explanation: "预算调整已报批" });
    if (first.type !== "checked") throw new Error(JSON.stringify(first));
    expect(
      first.result.findings.find((x) => x.fingerprint === f.fingerprint)!.review
    ).toMatchObject({ explanation: "预算调整已报批", accepted: false });
    const second = await review(core, "a", f.fingerprint!, ACCEPT);
    if (second.type !== "checked") throw new Error(JSON.stringify(second));
    const again = second.result.findings.find((x) => x.fingerprint === f.fingerprint)!;
    // The explanation kept from the row, the decision added to it: one row, not two.
    expect(again.review).toMatchObject({ explanation: "预算调整已报批", accepted: true });
    expect(second.result.reviews!.rows).toHaveLength(1);
    expect(
      second.result.findings.filter((x) => x.severity === "error" && !x.review?.accepted)
    ).toHaveLength(errors - 1);

    const copy = recheck(await copyOf(core, "a"));
    expect(copy.findings.find((x) => x.fingerprint === f.fingerprint)!.review).toMatchObject({
      explanation: "预算调整已报批",
      decision: "认可",
      by: "王建华",
      date: "2024-12-20",
    });
    expect(copy.reviews!.rows).toHaveLength(1);
    expect(copy.findings.filter((x) => x.sheet === REVIEWS_SHEET)).toEqual([]);
  });

  it("makes 审核意见 in the copy in the template's layout when the file has none", async () => {
    const core = new EngineCore();
    const result = await checked(core, "b", await withoutReviewSheet(bytes));
    expect(result.reviews).toBeUndefined();
    const [f, g] = result.findings.filter((x) => x.severity === "warning");
    await review(core, "b", f.fingerprint!, ACCEPT);
    await review(core, "b", g.fingerprint!, { explanation: "已说明" });
    const out = await copyOf(core, "b");
    const copy = recheck(out);
    expect(copy.findings.find((x) => x.fingerprint === f.fingerprint)!.review?.accepted).toBe(true);
    expect(copy.findings.find((x) => x.fingerprint === g.fingerprint)!.review?.explanation).toBe(
      "已说明"
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(REVIEWS_SHEET)!;
    const layout = tableColumns(REVIEWS, bundledRuleSet());
    layout.forEach((c, i) => {
      expect(ws.getCell(1, i + 1).value).toBe(c.header);
      expect(ws.getColumn(i + 1).width).toBe(c.width);
    });
    const model: WorkbookModel = readWorkbookModel(out, "copy.xlsx");
    expect(model.tables.find((t) => t.name === "Reviews")?.ref).toBe("A1:I3");
  });

  it("says what is missing when a decision lacks its reason, person or date", async () => {
    const core = new EngineCore();
    const result = await checked(core, "c", bytes);
    const f = result.findings.find((x) => x.severity === "error")!;
    const r = await review(core, "c", f.fingerprint!, { decision: "认可" });
    expect(r).toMatchObject({ type: "error" });
    if (r.type !== "error") return;
    expect(r.error.zh).toBe("请填写处理理由。请填写处理人。请填写处理日期。");
  });
});
