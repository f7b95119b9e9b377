/**
 * The task pane's view of Excel (src/ui/bridge.ts, ExcelBridge) on top of this host's modules.
 * Typed here by shape, so the host does not depend on the UI; the pane's assignment checks it.
 * Every rejection is an ExcelHostError carrying a bilingual `text` (errors.ts).
 */
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { WorkbookModel } from "../../engine/model";
import type { ProjectSummary } from "../../engine/summary/model";
import { capabilities, type Capabilities } from "./capabilities";
import { ExcelHostError, explained } from "./errors";
import { officeHost, type ExcelHost } from "./host";
import { watchChanges } from "./live";
import { applyMarks, clearMarks, type ClearResult, type MarkResult } from "./marks";
import { selectCell, type SelectOutcome } from "./navigate";
import { readWorkbook } from "./read";
import { writeReviewRow, type ReviewWriteResult } from "./reviews";
import type { ReviewValues } from "../../engine/reviews/rows";
import { writeSummarySheet } from "./summary-sheet";
import { insertTemplate } from "./template";

export type { Capabilities, ClearResult, MarkResult, ReviewWriteResult, SelectOutcome };
export { ExcelHostError };

export interface OfficeBridge {
  /** What this Excel can do (its requirement sets); the pane disables what it cannot. */
  capabilities(): Capabilities;
  readModel(): Promise<WorkbookModel>;
  select(sheet: string, cell: string): Promise<SelectOutcome>;
  /** What was marked, and what was left out and why. */
  mark(findings: Finding[], lang: Lang): Promise<MarkResult>;
  clear(): Promise<ClearResult>;
  /** Returns the name of the sheet written. */
  writeSummary(summary: ProjectSummary, lang: Lang): Promise<string>;
  /**
   * Inserts the template's sheets; the pane asks first (the insertion clears Excel's undo
   * history). Rejects with the bilingual reason when the template cannot go in.
   */
  insertTemplate(base64: string): Promise<void>;
  watch(onChange: () => void): Promise<() => Promise<void>>;
  /**
   * Writes a finding's review row into 审核意见 (updated by fingerprint, else appended; the sheet
   * made from the template's layout when absent). Absent where the host cannot.
   */
  writeReview?(values: ReviewValues): Promise<ReviewWriteResult>;
}

const guard =
  <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await f(...args);
    } catch (e) {
      throw explained(e);
    }
  };

export function officeBridge(host: ExcelHost = officeHost()): OfficeBridge {
  return {
    capabilities: () => capabilities(host),
    readModel: guard(() => readWorkbook(host)),
    select: guard((sheet: string, cell: string) => selectCell(host, sheet, cell)),
    mark: guard((findings: Finding[], lang: Lang) => applyMarks(host, findings, lang)),
    clear: guard(() => clearMarks(host)),
    writeSummary: guard((summary: ProjectSummary, lang: Lang) =>
      writeSummarySheet(host, summary, lang)
    ),
    insertTemplate: guard(async (base64: string) => {
      const result = await insertTemplate(host, base64);
      if (!result.ok) throw new ExcelHostError(result.message, result.reason);
    }),
    watch: guard((onChange: () => void) => watchChanges(host, () => onChange())),
    writeReview: guard((values: ReviewValues) => writeReviewRow(host, values)),
  };
}
