/** Where findings point: a row's cell, a table's header, a named value. */
import type { NameKey, TableName } from "../../contract/tables";
import type { RuleContext, RuleFinding } from "../types";
import type { Row, TableData } from "../../read/project";
import { cellOf, nameCell } from "../../read/project";
import { a1 } from "../../util/address";
import type { Text } from "../../i18n";

/**
 * "金额为空。" for an empty field; where a placeholder such as "-" or 无 stood in the cell,
 * the message says it was read as empty.
 */
export function emptyText(what: Text, raw: string, after: Text = { zh: "", en: "" }): Text {
  return raw
    ? {
        zh: `${what.zh}未填写（「${raw}」视为未填）${after.zh}。`,
        en: `${what.en} is not filled in ("${raw}" counts as empty)${after.en}.`,
      }
    : { zh: `${what.zh}为空${after.zh}。`, en: `${what.en} is empty${after.en}.` };
}

export function atCell(
  table: TableData,
  row: Row | number,
  key: string
): Pick<RuleFinding, "sheet" | "cell"> {
  return { sheet: table.loc.sheet.name, cell: cellOf(table, row, key) };
}

/** The header row of a table, for findings about a table as a whole (a KPI, a count). */
export function atTable(
  ctx: RuleContext,
  name: TableName
): Pick<RuleFinding, "sheet" | "cell" | "target"> {
  const table = ctx.table(name);
  const cols = Object.values(table.loc.columns);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const r = table.loc.headerRow;
  return { sheet: table.loc.sheet.name, cell: `${a1(r, first)}:${a1(r, last)}`, target: name };
}

export function atName(
  ctx: RuleContext,
  key: NameKey
): Pick<RuleFinding, "sheet" | "cell" | "target"> {
  const named = ctx.named(key);
  if (!named) return { target: key };
  return { sheet: named.loc.sheet, cell: nameCell(named), target: key };
}
