/** Messages between the pane and its engine worker. */
import type { WorkbookModel } from "../engine/model";
import type { Finding, CrossFinding } from "../engine/findings";
import type { Lang, Text } from "../engine/i18n";
import type { CheckedWorkbook } from "../engine/summary/model";
import type { Area } from "../engine/rules/types";

export type UiFinding = Finding & { area: Area };

export interface SheetInfo {
  name: string;
  rows: number;
  cols: number;
}

export interface WorkbookResult extends CheckedWorkbook {
  id: string;
  findings: UiFinding[];
  sheets: SheetInfo[];
}

export type Request =
  | { type: "check-bytes"; id: string; name: string; bytes: ArrayBuffer; asOf?: number }
  | { type: "check-model"; id: string; model: WorkbookModel; asOf?: number }
  | { type: "rows"; id: string; sheet: string; from: number; count: number; cols: number }
  | { type: "annotate"; id: string; lang: Lang }
  | { type: "summary"; ids: string[]; lang: Lang }
  | { type: "cross"; ids: string[] }
  | { type: "template" }
  | { type: "forget"; id: string };

export type Response =
  | { type: "progress"; stage: "reading" | "checking"; id: string }
  | { type: "checked"; result: WorkbookResult }
  | { type: "rows"; rows: (string | null)[][] }
  | { type: "file"; bytes: ArrayBuffer }
  | { type: "cross"; cross: CrossFinding[] }
  | { type: "done" }
  | { type: "error"; error: Text };

export interface Envelope<T> {
  seq: number;
  body: T;
}
