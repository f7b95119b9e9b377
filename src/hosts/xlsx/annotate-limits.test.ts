import { readFileSync } from "fs";
import { join } from "path";
import { unzipSync, zipSync } from "fflate";
import type { WorkbookModel } from "../../engine/model";
import { readWorkbookModel } from "./read-model";
import { ANNOTATE_MAX_CELLS, ANNOTATE_MAX_PARTS, whyNotAnnotate } from "./annotate-limits";

const SAMPLE = join(
  __dirname,
  "..",
  "..",
  "..",
  "workbooks",
  "samples",
  "01-wupaer-final-compliant.xlsx"
);
const bytes = new Uint8Array(readFileSync(SAMPLE));
const model = readWorkbookModel(bytes, "01");

/** A model of `cells` plain cells in one column. */
function modelOf(cells: number): WorkbookModel {
  return {
    source: "x",
    sheets: [{ name: "S", rows: Array.from({ length: cells }, (_, r) => [{ v: r }]) }],
    tables: [],
    names: [],
  };
}

describe("whyNotAnnotate", () => {
  it("lets a project workbook through", () => {
    expect(whyNotAnnotate(bytes, model)).toBeNull();
  });

  it("declines a workbook of more cells than ExcelJS can hold within 500 MB, saying how many", () => {
    expect(whyNotAnnotate(bytes, modelOf(ANNOTATE_MAX_CELLS))).toBeNull();
    const why = whyNotAnnotate(bytes, modelOf(ANNOTATE_MAX_CELLS + 1));
    expect(why?.zh).toBe("标注副本只为不超过 150,000 个单元格的工作簿生成，本文件有 150,001 个");
    expect(why?.en).toContain("this one has 150,001");
  });

  it("declines a zip of more parts than a workbook has, or a part the check never opens that is a bomb", () => {
    const parts = unzipSync(bytes);
    const many = { ...parts };
    for (let i = 0; i < ANNOTATE_MAX_PARTS; i += 1)
      many[`xl/media/t${i}.bin`] = new Uint8Array([i & 255]);
    expect(whyNotAnnotate(zipSync(many), model)?.zh).toContain("条目超过 2,000 个");

    const bomb = { ...parts, "xl/media/image1.png": new Uint8Array(40 * 1024 * 1024) };
    expect(whyNotAnnotate(zipSync(bomb), model)?.zh).toContain(
      "检查未用到的部件解压后超出安全上限"
    );
  });
});
