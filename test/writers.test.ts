/**
 * Workbooks written by other programs read the same: every sample re-saved by LibreOffice
 * (which rewrites the whole file its own way: shared strings, styles, table parts, defined
 * names, formulas) gives the same findings as the original. The one expected difference:
 * LibreOffice recalculates, so sample 05's stale cached value (a WB-FORMULA finding) is gone.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { checkWorkbook } from "../src/engine/check";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { SAMPLES } from "../scripts/samples";
import { recalcWithLibreOffice } from "./support/libreoffice";

const files = SAMPLES.map((s) => join(__dirname, "..", "workbooks", "samples", s.file));
let converted: string[] = [];

beforeAll(() => {
  converted = recalcWithLibreOffice(files);
}, 240_000);

function findings(path: string, name: string): string[] {
  const model = readWorkbookModel(new Uint8Array(readFileSync(path)), name);
  return checkWorkbook(model, { ruleset: bundledRuleSet() })
    .findings.map(
      (f) =>
        `${f.rule} ${f.severity}${f.status ? "/" + f.status : ""} ${f.sheet ?? "-"}!${f.cell ?? "-"} ${f.message.en}`
    )
    .sort();
}

describe.each(SAMPLES.map((s, i) => [s.file, i] as const))(
  "%s re-saved by LibreOffice",
  (file, i) => {
    it("gives the same findings", () => {
      const original = findings(files[i], file);
      const resaved = findings(converted[i], file);
      const stale = original.filter(
        (f) => f.startsWith("WB-FORMULA error 预算!C2") && f.includes("recalculates to")
      );
      expect(resaved).toEqual(original.filter((f) => !stale.includes(f)));
      if (file.startsWith("05")) expect(stale).toHaveLength(1);
    });
  }
);
