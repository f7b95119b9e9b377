/**
 * The task pane's view of Excel (src/ui/bridge.ts, ExcelBridge) on top of this host's modules.
 * Typed here by shape, so the host does not depend on the UI; the pane's assignment checks it.
 */
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { WorkbookModel } from "../../engine/model";
import type { ProjectSummary } from "../../engine/summary/model";
import { officeHost, type ExcelHost } from "./host";
import { watchChanges } from "./live";
import { applyMarks, clearMarks } from "./marks";
import { selectCell } from "./navigate";
import { readWorkbook } from "./read";
import { writeSummarySheet } from "./summary-sheet";
import { insertTemplate } from "./template";

export interface OfficeBridge {
  readModel(): Promise<WorkbookModel>;
  select(sheet: string, cell: string): Promise<void>;
  /** Returns how many cells were marked. */
  mark(findings: Finding[], lang: Lang): Promise<number>;
  clear(): Promise<void>;
  /** Returns the name of the sheet written. */
  writeSummary(summary: ProjectSummary, lang: Lang): Promise<string>;
  /** Rejects with the bilingual reason ("中文\nEnglish") when the template cannot go in. */
  insertTemplate(base64: string): Promise<void>;
  watch(onChange: () => void): Promise<() => Promise<void>>;
}

export function officeBridge(host: ExcelHost = officeHost()): OfficeBridge {
  return {
    readModel: () => readWorkbook(host),
    async select(sheet, cell) {
      await selectCell(host, sheet, cell);
    },
    async mark(findings, lang) {
      return (await applyMarks(host, findings, lang)).cells;
    },
    async clear() {
      await clearMarks(host);
    },
    writeSummary: (summary, lang) => writeSummarySheet(host, summary, lang),
    async insertTemplate(base64) {
      const result = await insertTemplate(host, base64);
      if (!result.ok) throw new Error(`${result.message.zh}\n${result.message.en}`);
    },
    watch: (onChange) => watchChanges(host, () => onChange()),
  };
}
