/**
 * "与上次报送比较" in the worker: the workbook already checked (the open one in Excel, the chosen
 * file on the page) is compared with an earlier submission, picked as a file or among the files
 * loaded. Each side is checked as of its own reporting date, as `fucai diff` does, so the
 * comparison is of the submissions as submitted (never of an --as-of view).
 */
import { checkWorkbook } from "../../engine/check";
import { compareSubmissions } from "../../engine/diff/compare";
import { submissionOf, type Submission } from "../../engine/diff/snapshot";
import type { WorkbookModel } from "../../engine/model";
import type { RuleSet } from "../../engine/rulesets/ruleset";
import { WorkbookReadError } from "../../hosts/xlsx/errors";
import { readWorkbookModel } from "../../hosts/xlsx/read-model";
import type { CompareOutcome, Request, Response } from "../protocol";

type CompareRequest = Extract<Request, { type: "compare" }>;

function submission(
  model: WorkbookModel,
  ruleset: RuleSet,
  modified: number | null,
  file?: string
): Submission {
  const s = submissionOf(checkWorkbook(model, { ruleset }), modified);
  return file ? { ...s, file } : s;
}

/** An unreadable earlier file, named: the reader's reasons do not say which file. */
function unreadable(name: string, e: WorkbookReadError): CompareOutcome {
  return {
    ok: false,
    reason: "unreadable",
    error: {
      zh: `无法读取「${name}」：${e.text.zh}`,
      en: `"${name}" cannot be read: ${e.text.en}`,
    },
  };
}

export function compareWith(
  req: CompareRequest,
  modelOf: (id: string) => WorkbookModel | undefined,
  ruleset: RuleSet,
  progress: (r: Response) => void
): Response {
  const laterModel = modelOf(req.id);
  if (!laterModel) throw new Error(`no checked workbook ${req.id} to compare`);
  let earlier: Submission;
  if ("id" in req.earlier) {
    const model = modelOf(req.earlier.id);
    if (!model) throw new Error(`no checked workbook ${req.earlier.id} to compare`);
    earlier = submission(model, ruleset, null);
  } else {
    progress({ type: "progress", stage: "reading", id: req.id });
    let model: WorkbookModel;
    try {
      model = readWorkbookModel(new Uint8Array(req.earlier.bytes), req.earlier.name);
    } catch (e) {
      if (e instanceof WorkbookReadError)
        return { type: "compared", outcome: unreadable(req.earlier.name, e), later: "current" };
      throw e;
    }
    progress({ type: "progress", stage: "checking", id: req.id });
    earlier = submission(model, ruleset, req.earlier.modified ?? null);
  }
  const later = submission(laterModel, ruleset, req.modified ?? null, req.label);
  // The picked file goes first, so that "as given" (equal dates, unknown times) keeps it earlier.
  const outcome = compareSubmissions(earlier, later);
  return { type: "compared", outcome, later: laterSide(outcome, earlier, later) };
}

/**
 * Which of the two the comparison took as the later one: the engine puts the later reporting
 * date last, and on equal dates the later modification time when both are known (compare.ts).
 */
function laterSide(
  outcome: CompareOutcome,
  picked: Submission,
  current: Submission
): "current" | "earlier" {
  if (!outcome.ok) return "current";
  const [p, c] = [picked.snapshot.asOfDate!, current.snapshot.asOfDate!];
  if (p !== c) return p > c ? "earlier" : "current";
  const known =
    picked.modified !== null && current.modified !== null && picked.modified !== current.modified;
  return known && picked.modified! > current.modified! ? "earlier" : "current";
}
