/** What the pane needs from Excel; the Office.js implementation lives in src/hosts/excel. */
import type { WorkbookModel } from "../engine/model";
import type { Finding } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import type { ProjectSummary } from "../engine/summary/model";

export interface ExcelBridge {
  readModel(): Promise<WorkbookModel>;
  select(sheet: string, cell: string): Promise<void>;
  /** Returns how many cells were marked. */
  mark(findings: Finding[], lang: Lang): Promise<number>;
  clear(): Promise<void>;
  /** Returns the name of the sheet written. */
  writeSummary(summary: ProjectSummary, lang: Lang): Promise<string>;
  insertTemplate(base64: string): Promise<void>;
  /** Calls back after edits in the contract's sheets; resolves to an unsubscribe. */
  watch(onChange: () => void): Promise<() => Promise<void>>;
}
