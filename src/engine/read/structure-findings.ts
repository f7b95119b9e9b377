/**
 * The WB-STRUCTURE findings reading gives, in the words of the template a user sees (sheet
 * names, column headers, form labels), never the engine's own names for them.
 */
import type { Finding } from "../findings";
import type { NameDef, TableDef } from "../contract/tables";
import { INFO_SHEET } from "../contract/tables";
import { a1, rangeA1 } from "../util/address";
import type { LocatedName, LocatedTable } from "./locate";
import { HEADER_SEARCH_ROWS } from "./locate";

function finding(
  severity: "error" | "warning",
  sheet: string | undefined,
  cell: string | undefined,
  target: string,
  zh: string,
  en: string
): Finding {
  return { rule: "WB-STRUCTURE", severity, sheet, cell, target, message: { zh, en } };
}

function listed(cols: number[], loc: LocatedTable): { zh: string; en: string } {
  const zh = cols.map((c) => `${a1(loc.headerRow, c)}「${loc.headers[c]}」`).join("、");
  const en = cols.map((c) => `${a1(loc.headerRow, c)} "${loc.headers[c]}"`).join(", ");
  return { zh, en };
}

export function structureFindings(findings: Finding[]) {
  return {
    noInfoSheet() {
      findings.push(
        finding(
          "error",
          undefined,
          undefined,
          INFO_SHEET,
          `缺少工作表「${INFO_SHEET}」及其中的项目基本信息，依赖它的检查未执行。`,
          `Sheet "${INFO_SHEET}" with the project facts is missing; the checks that need it were not run.`
        )
      );
    },

    noName(def: NameDef) {
      findings.push(
        finding(
          "error",
          undefined,
          undefined,
          def.name,
          `「${INFO_SHEET}」中找不到「${def.label}」，依赖它的检查未执行；请在 A 列填写该标签并在其右侧填写内容，或使用标准模板。`,
          `"${def.en}" (${def.label}) cannot be found on sheet "${INFO_SHEET}"; the checks that need it were not run. Put its label in column A and the value beside it, or use the standard template.`
        )
      );
    },

    /** Values found by their label because the template's cell names are gone: one finding for all. */
    namesByLabel(found: LocatedName[]) {
      if (!found.length) return;
      const labels = found.map((l) => `「${l.def.label}」`).join("");
      const en = found.map((l) => l.def.en).join(", ");
      findings.push(
        finding(
          "warning",
          found[0].sheet,
          a1(found[0].row, found[0].col),
          found[0].def.name,
          `模板中的单元格名称已丢失，${labels}已按标签读取其右侧的单元格；建议从标准模板恢复「${INFO_SHEET}」表。`,
          `The template's cell names are gone; ${en} were read from the cell beside their labels. Restore the "${INFO_SHEET}" sheet from the template.`
        )
      );
    },

    noTable(def: TableDef, why: "no-sheet" | "no-header") {
      const examples = def.fields
        .filter((f) => !f.optional)
        .slice(0, 3)
        .map((f) => `「${f.header}」`)
        .join("");
      findings.push(
        why === "no-sheet"
          ? finding(
              "error",
              undefined,
              undefined,
              def.name,
              `缺少工作表「${def.sheet}」，依赖它的检查未执行。`,
              `Sheet "${def.sheet}" (${def.en}) is missing; the checks that need it were not run.`
            )
          : finding(
              "error",
              def.sheet,
              undefined,
              def.name,
              `工作表「${def.sheet}」的前 ${HEADER_SEARCH_ROWS} 行内找不到表头（应有${examples}等列），依赖它的检查未执行。`,
              `Sheet "${def.sheet}" (${def.en}) has no recognisable header row in its first ${HEADER_SEARCH_ROWS} rows; the checks that need it were not run.`
            )
      );
    },

    /** The optional 审核意见 sheet is there, but no header row of it can be found. */
    noReviewHeader(def: TableDef<string>) {
      findings.push(
        finding(
          "warning",
          def.sheet,
          undefined,
          def.name,
          `工作表「${def.sheet}」的前 ${HEADER_SEARCH_ROWS} 行内找不到表头（应有「规则」「位置」「指纹」等列），其中的情况说明和处理意见均未采用；建议从标准模板恢复该表。`,
          `Sheet "${def.sheet}" has no recognisable header row in its first ${HEADER_SEARCH_ROWS} rows, so none of its explanations or decisions were applied. Restore it from the template.`
        )
      );
    },

    tableByHeader(loc: LocatedTable) {
      const sheet = loc.sheet.name;
      findings.push(
        finding(
          "warning",
          sheet,
          a1(loc.headerRow, loc.span.first),
          loc.def.name,
          `工作表「${sheet}」的数据已不是 Excel 表格（表格格式已丢失），已按第 ${loc.headerRow + 1} 行表头读取；建议从标准模板恢复表格。`,
          `The data on sheet "${sheet}" is no longer an Excel table; it was read by the header in row ${loc.headerRow + 1}. Restore the table from the template.`
        )
      );
    },

    /** Columns that are missing, or that more than one column could be. */
    columns(loc: LocatedTable) {
      const sheet = loc.sheet.name;
      const headerRange = rangeA1({
        start: { row: loc.headerRow, col: loc.span.first },
        end: { row: loc.headerRow, col: loc.span.last },
      });
      for (const { field, columns } of loc.ambiguous) {
        const list = listed(columns, loc);
        findings.push(
          finding(
            "error",
            sheet,
            a1(loc.headerRow, columns[0]),
            `${loc.def.name}.${field.key}`,
            `「${sheet}」表中有 ${columns.length} 列都可能是「${field.header}」：${list.zh}。无法确定应读取哪一列，依赖该列的检查未执行；请删除多余的列或修改其表头。`,
            `${columns.length} columns of sheet "${sheet}" could each be "${field.en}" (${field.header}): ${list.en}. Which one to read cannot be told, so the checks that need it were not run; remove the extra column or rename its header.`
          )
        );
      }
      for (const field of loc.missing) {
        if (loc.ambiguous.some((a) => a.field === field)) continue;
        const near = loc.nearMisses[field.key];
        const nearText = near
          ? {
              zh: `（${listed(near, loc).zh}是另一项内容，不能代替「${field.header}」）`,
              en: ` (${listed(near, loc).en} holds something else and cannot stand in for it)`,
            }
          : { zh: "", en: "" };
        findings.push(
          finding(
            field.optional ? "warning" : "error",
            sheet,
            headerRange,
            `${loc.def.name}.${field.key}`,
            `「${sheet}」表缺少「${field.header}」列${nearText.zh}。`,
            `Sheet "${sheet}" has no "${field.en}" (${field.header}) column${nearText.en}.`
          )
        );
      }
    },
  };
}
