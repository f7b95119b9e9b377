/**
 * What a rule could not find, in the template's own words: 「督导」表的「证书等级」「证书编号」列,
 * 「项目信息」中的「报告截止日期」. Messages never show the engine's keys (Supervisors.certLevel).
 */
import type { Text } from "../i18n";
import { INFO_SHEET, NAMES, REVIEWS, TABLES, type TableName } from "../contract/tables";

/** Describe needs such as 'Ledger', 'Ledger.amount', 'name:AsOfDate' as one phrase. */
export function describeNeeds(needs: readonly string[]): Text {
  const wholeTables: string[] = [];
  const columns = new Map<string, string[]>();
  const names: string[] = [];
  for (const need of needs) {
    if (need.startsWith("name:")) {
      names.push(need.slice(5));
      continue;
    }
    const [table, key] = need.split(".") as [TableName, string | undefined];
    if (key === undefined) {
      wholeTables.push(table);
      continue;
    }
    if (needs.includes(table)) continue; // the whole table is missing: said once
    const list = columns.get(table) ?? [];
    list.push(key);
    columns.set(table, list);
  }
  const zh: string[] = [];
  const en: string[] = [];
  for (const name of wholeTables) {
    const def = TABLES.find((t) => t.name === name)!;
    zh.push(`「${def.sheet}」工作表`);
    en.push(`the sheet ${def.sheet} (${def.en.toLowerCase()})`);
  }
  for (const [name, keys] of columns) {
    const def = TABLES.find((t) => t.name === name)!;
    const fields = keys.map((k) => def.fields.find((f) => f.key === k)!);
    zh.push(`「${def.sheet}」表的${fields.map((f) => `「${f.header}」`).join("")}列`);
    en.push(
      `the ${fields.map((f) => `"${f.en}" (${f.header})`).join(", ")} column${fields.length > 1 ? "s" : ""} of sheet ${def.sheet}`
    );
  }
  if (names.length) {
    const defs = names.map((n) => NAMES.find((d) => d.name === n)!);
    zh.push(`「${INFO_SHEET}」中的${defs.map((d) => `「${d.label}」`).join("")}`);
    en.push(`${defs.map((d) => `"${d.en}"`).join(", ")} on sheet ${INFO_SHEET}`);
  }
  return { zh: zh.join("、"), en: en.join("; ") };
}

/** "未检查：缺少…" for a rule that could not run. */
export function notCheckedText(needs: readonly string[]): Text {
  const what = describeNeeds(needs);
  return {
    zh: `未检查：缺少${what.zh}，此项检查无法进行。`,
    en: `Not checked: ${what.en} cannot be found.`,
  };
}

/**
 * Where a finding without a cell is, in the template's words: "督导" for a missing sheet,
 * "人员 · 证书等级" for a column, "项目信息 · 报告截止日期" for a named value. A finding's
 * `target` keeps the stable key (Supervisors.certLevel) for programs; people read this.
 */
export function whereText(target: string | undefined, lang: "zh" | "en"): string {
  if (!target) return "";
  const [tableName, key] = target.split(".");
  const table = [...TABLES, REVIEWS].find((t) => t.name === tableName);
  if (table) {
    const field = key ? table.fields.find((f) => f.key === key) : undefined;
    if (key && field) return `${table.sheet} · ${lang === "zh" ? field.header : field.en}`;
    return lang === "zh" ? table.sheet : `${table.sheet} (${table.en.toLowerCase()})`;
  }
  const name = NAMES.find((n) => n.name === target.replace(/^name:/, ""));
  if (name) return `${INFO_SHEET} · ${lang === "zh" ? name.label : name.en}`;
  return target;
}
