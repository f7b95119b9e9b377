import type ExcelJS from "exceljs";
import type { WorkbookContent } from "../../src/hosts/xlsx/template/build";
import type { Finding } from "../../src/engine/findings";
import type { ReviewInput } from "../../src/engine/reviews/rows";

export interface Sample {
  /** File name under workbooks/samples/. */
  file: string;
  /** What the sample shows, for the README and test names. */
  about: string;
  content: WorkbookContent;
  /** Changes to the built workbook before formula results are cached (a lost table, a renamed header). */
  mutate?(wb: ExcelJS.Workbook): void;
  /** Changes after results are cached (a stale cached value, as a program that never recalculates leaves it). */
  tamper?(wb: ExcelJS.Workbook): void;
  /** Changes to the written file that ExcelJS cannot make (names scoped to a sheet). */
  postWrite?(xlsx: Uint8Array): Uint8Array;
  /**
   * Explanations and decisions (审核意见) on the sample's own findings, chosen from what the
   * engine finds in the sample built without them, so their fingerprints are the engine's
   * (scripts/samples/build.ts).
   */
  reviews?(findings: readonly Finding[]): { finding: Finding; input: ReviewInput }[];
  /**
   * Every finding the sample must produce, as "RULE severity sheet!cell" ("-" where no cell is
   * named; "info/not-checked" for rules that could not run). The sample test compares exactly.
   */
  expected: string[];
}
