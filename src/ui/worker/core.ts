/**
 * The engine's side of the pane's requests, host-free: the Web Worker runs it in the browser,
 * tests run it in-process. Keeps each workbook's model and hands back findings, figures and
 * the rows a preview shows.
 */
import type { WorkbookModel } from "../../engine/model";
import { checkWorkbook, crossCheck } from "../../engine/check";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { ruleById } from "../../engine/rules/catalog";
import { readWorkbookModel } from "../../hosts/xlsx/read-model";
import { CopyDeclined, whyNotAnnotate } from "../../hosts/xlsx/annotate-limits";
import { display } from "./display";
import { reviewInWorkbook } from "./reviews";
import type { ReviewWrite } from "../../engine/reviews/write-plan";
import { compareWith } from "./compare";
import { buildSummary } from "../../engine/summary/model";
import { seriesOf } from "../../engine/pace-series";
import type { Request, Response, WorkbookResult } from "../protocol";

function owned(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

export class EngineCore {
  private readonly ruleset = bundledRuleSet();
  private readonly workbooks = new Map<
    string,
    { model: WorkbookModel; bytes?: Uint8Array; result: WorkbookResult; asOf?: number }
  >();
  /** Review rows written on the page, per workbook, in order: the downloaded copy gets them. */
  private readonly reviewWrites = new Map<string, ReviewWrite[]>();

  private check(
    id: string,
    model: WorkbookModel,
    asOf: number | undefined,
    bytes?: Uint8Array
  ): WorkbookResult {
    const report = checkWorkbook(model, { ruleset: this.ruleset, asOf });
    const result: WorkbookResult = {
      id,
      file: model.source,
      stage: report.stage,
      findings: report.findings.map((f) => {
        const series = seriesOf(f, report.project, report.stage);
        return { ...f, area: ruleById(f.rule)?.area ?? "data", ...(series ? { series } : {}) };
      }),
      facts: report.facts,
      measures: report.measures,
      budget: report.budget,
      // Where 审核意见 is and what it holds, for writing a review row later.
      ...(report.reviews ? { reviews: report.reviews } : {}),
      sheets: model.sheets.map((s) => ({
        name: s.name,
        rows: s.rows.length,
        cols: s.rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0),
      })),
    };
    this.workbooks.set(id, { model, bytes, result, asOf });
    return result;
  }

  /** Answer one request; `progress` hears of each stage. Returns the answer and what to transfer. */
  async handle(
    req: Request,
    progress: (r: Response) => void
  ): Promise<{ response: Response; transfer: Transferable[] }> {
    switch (req.type) {
      case "check-bytes": {
        progress({ type: "progress", stage: "reading", id: req.id });
        const bytes = new Uint8Array(req.bytes);
        const model = readWorkbookModel(bytes, req.name);
        progress({ type: "progress", stage: "checking", id: req.id });
        return {
          response: { type: "checked", result: this.check(req.id, model, req.asOf, bytes) },
          transfer: [],
        };
      }
      case "check-model":
        progress({ type: "progress", stage: "checking", id: req.id });
        return {
          response: { type: "checked", result: this.check(req.id, req.model, req.asOf) },
          transfer: [],
        };
      case "rows": {
        const sheet = this.workbooks.get(req.id)?.model.sheets.find((s) => s.name === req.sheet);
        const rows: (string | null)[][] = [];
        for (
          let r = req.from;
          r < req.from + req.count && (!sheet || r < sheet.rows.length);
          r += 1
        ) {
          const row = sheet?.rows[r];
          rows.push(Array.from({ length: req.cols }, (_, c) => display(row?.[c])));
        }
        return { response: { type: "rows", rows }, transfer: [] };
      }
      case "annotate": {
        const wb = this.workbooks.get(req.id);
        if (!wb?.bytes) throw new Error("no workbook bytes to annotate");
        // ExcelJS holds every cell and inflates every part: in a browser tab as much as in Node.
        const why = whyNotAnnotate(wb.bytes, wb.model);
        if (why) throw new CopyDeclined(why);
        const { annotateWorkbook } = await import(
          /* webpackChunkName: "exceljs-annotate" */ "../../hosts/xlsx/annotate"
        );
        const bytes = owned(
          await annotateWorkbook(wb.bytes, {
            findings: wb.result.findings,
            lang: req.lang,
            heading: wb.result.file,
            ...(this.reviewWrites.get(req.id)?.length
              ? { reviews: { writes: this.reviewWrites.get(req.id)!, ruleset: this.ruleset } }
              : {}),
          })
        );
        return { response: { type: "file", bytes }, transfer: [bytes] };
      }
      case "cross":
      case "summary": {
        const results = req.ids.flatMap((id) =>
          this.workbooks.has(id) ? [this.workbooks.get(id)!.result] : []
        );
        const cross =
          results.length > 1
            ? crossCheck(
                results.map((r) => r.facts),
                this.ruleset
              )
            : [];
        if (req.type === "cross") return { response: { type: "cross", cross }, transfer: [] };
        const { writeSummaryWorkbook } = await import(
          /* webpackChunkName: "exceljs-summary" */ "../../hosts/xlsx/summary"
        );
        const bytes = owned(
          await writeSummaryWorkbook(buildSummary(results, [], cross, this.ruleset), req.lang)
        );
        return { response: { type: "file", bytes }, transfer: [bytes] };
      }
      case "template": {
        // Built here from the contract and the rule set, so it is the same in every build
        // (the single-file page has no template.xlsx beside it).
        const [{ buildWorkbook }, { withCachedValues }] = await Promise.all([
          import(/* webpackChunkName: "exceljs-template" */ "../../hosts/xlsx/template/build"),
          import(/* webpackChunkName: "exceljs-template" */ "../../hosts/xlsx/template/cached"),
        ]);
        const bytes = owned(await withCachedValues(buildWorkbook(this.ruleset)));
        return { response: { type: "file", bytes }, transfer: [bytes] };
      }
      case "compare":
        return {
          response: compareWith(req, (id) => this.workbooks.get(id)?.model, this.ruleset, progress),
          transfer: [],
        };
      case "review": {
        const wb = this.workbooks.get(req.id);
        if (!wb) throw new Error("no workbook to write a review into");
        const outcome = reviewInWorkbook(wb.model, wb.result, req.fingerprint, req.input);
        if (!outcome.ok) return { response: { type: "error", error: outcome.error }, transfer: [] };
        this.reviewWrites.set(req.id, [...(this.reviewWrites.get(req.id) ?? []), outcome.write]);
        const result = this.check(req.id, outcome.model, wb.asOf, wb.bytes);
        return { response: { type: "checked", result }, transfer: [] };
      }
      case "forget":
        this.workbooks.delete(req.id);
        this.reviewWrites.delete(req.id);
        return { response: { type: "done" }, transfer: [] };
    }
  }
}
