/**
 * Independent proof that the template's formulas hold: the template and every sample are
 * recalculated by LibreOffice and by HyperFormula (through our translation), and every formula
 * cell must agree. The samples include a stale cached value, so a converter that merely kept
 * cached values would be caught.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { recalculate, cellKey, sameValue, type CellKey } from "../src/engine/formulas/evaluate";
import type { WorkbookModel } from "../src/engine/model";
import { recalcWithLibreOffice } from "./support/libreoffice";
import { SAMPLES } from "../scripts/samples";

const root = join(__dirname, "..", "workbooks");
const files = [join(root, "template.xlsx"), ...SAMPLES.map((s) => join(root, "samples", s.file))];

function load(path: string): WorkbookModel {
  return readWorkbookModel(new Uint8Array(readFileSync(path)), path);
}

function formulaCells(model: WorkbookModel): CellKey[] {
  const cells: CellKey[] = [];
  for (const s of model.sheets)
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => c?.f && cells.push({ sheet: s.name, row: r, col }))
    );
  return cells;
}

let converted: string[] = [];

beforeAll(() => {
  converted = recalcWithLibreOffice(files);
}, 240_000);

describe.each(files.map((f, i) => [f.replace(root + "/", ""), i] as const))(
  "%s",
  (_name, index) => {
    it("computes every formula cell to the same value in LibreOffice and HyperFormula", () => {
      const ours = load(files[index]);
      const theirs = load(converted[index]);
      const cells = formulaCells(ours);
      expect(cells.length).toBeGreaterThan(0);
      const hf = recalculate(ours, cells);
      const disagreements: string[] = [];
      for (const c of cells) {
        const lo = theirs.sheets.find((s) => s.name === c.sheet)?.rows[c.row]?.[c.col];
        const mine = hf.get(cellKey(c))!;
        if (!lo?.f)
          disagreements.push(
            `${c.sheet}!${c.row + 1}:${c.col + 1} lost its formula in LibreOffice`
          );
        else if (!mine.ok)
          disagreements.push(`${c.sheet}!${c.row + 1}:${c.col + 1} HyperFormula: ${mine.reason}`);
        else if (!sameValue(lo.v, mine.value))
          disagreements.push(
            `${c.sheet} r${c.row + 1} c${c.col + 1}: LibreOffice ${JSON.stringify(lo.v)} vs HyperFormula ${JSON.stringify(mine.value)}`
          );
      }
      expect(disagreements).toEqual([]);
    });
  }
);

it("LibreOffice really recalculated: the stale cached value of sample 05 is corrected", () => {
  const i = files.findIndex((f) => f.includes("05-zhanmin-format-drift"));
  const before = load(files[i]).sheets.find((s) => s.name === "预算")!.rows[1]![2]!;
  const after = load(converted[i]).sheets.find((s) => s.name === "预算")!.rows[1]![2]!;
  expect(before.v).toBe(36000);
  expect(after.v).toBe(46800);
});
