import type ExcelJS from "exceljs";
import type { WorkbookContent } from "../../src/hosts/xlsx/template/build";

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
   * Every finding the sample must produce, as "RULE severity sheet!cell" ("-" where no cell is
   * named; "info/not-checked" for rules that could not run). The sample test compares exactly.
   */
  expected: string[];
}
