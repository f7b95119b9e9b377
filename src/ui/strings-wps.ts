/**
 * The pane's words inside WPS 表格: the same strings (strings.ts) with the few that name Excel
 * said of WPS. Only those the WPS host can show are replaced (it cannot insert the template;
 * a finding on a hidden sheet cannot be shown).
 */
import type { Lang } from "../engine/i18n";
import { STRINGS, type Strings } from "./strings";

const zh: Partial<Strings> = {
  templateUnavailable: "在 WPS 中不能直接插入模板，请下载标准模板文件后另行打开。",
  selectHidden: (sheet: string) =>
    `工作表「${sheet}」已隐藏，无法定位到其中的单元格。请先取消隐藏（右键单击工作表标签 > 取消隐藏）。`,
};

const en: Partial<Strings> = {
  templateUnavailable:
    "WPS cannot insert the template into this workbook: download the template file and open it.",
  selectHidden: (sheet: string) =>
    `Sheet "${sheet}" is hidden, so its cells cannot be shown. Unhide it first (right-click a sheet tab > Unhide).`,
};

export function wpsStrings(lang: Lang): Strings {
  return { ...STRINGS[lang], ...(lang === "zh" ? zh : en) } as Strings;
}
