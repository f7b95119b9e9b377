/**
 * 汇总-审核意见 of the bureau's summary workbook: every finding accepted in a project's
 * 审核意见 (处理意见 认可), with the project, the rule, where it is, what it says, the
 * contractor's explanation, the reason, the reviewer and the date. Accepted findings no longer
 * count as errors or warnings; this sheet is where they stay in view. A4 landscape, one page
 * across, header repeated; superseded submissions greyed as on the overview.
 */
import type ExcelJS from "exceljs";
import { SEVERITY_LABELS } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { whereText } from "../../engine/read/describe-needs";
import type { SummaryModel } from "../../engine/summary/model";
import { fitRowHeights, printSetup } from "./template/print";
import { font, GREYED_FILL, GREYED_FONT, solid, thinBorder } from "./template/styles";
import { headerRow, ruleAbout, SEVERITY_FILL, title, w } from "./summary-project";
import { REVIEWS_SUMMARY_SHEET } from "./summary-names";

/** 序号, 项目, 规则, 位置, 严重程度, 问题与情况说明, 处理理由, 处理人, 处理日期. */
const WIDTHS = {
  zh: [4.5, 17, 17, 14, 10, 44, 28, 9, 11.5],
  en: [4.5, 17, 17, 14, 9, 44, 28, 10, 11.5],
};

export function addReviews(wb: ExcelJS.Workbook, model: SummaryModel, lang: Lang): void {
  const ws = wb.addWorksheet(REVIEWS_SUMMARY_SHEET, {
    properties: { tabColor: { argb: "FF7030A0" } },
  });
  const widths = WIDTHS[lang];
  ws.columns = widths.map((width) => ({ width }));
  const accepted = model.projects.flatMap((p) =>
    p.findings.filter((f) => f.review?.accepted).map((f) => ({ p, f }))
  );
  title(
    ws,
    w(lang, "已认可的问题", "Accepted findings"),
    w(
      lang,
      `共 ${accepted.length} 项。各项目「审核意见」表中处理意见为「认可」的问题：仍列于各项目的问题清单，不再计入错误和警告。`,
      `${accepted.length} in all: findings accepted on a project's 审核意见 sheet. They stay on each project's list of findings and no longer count as errors or warnings.`
    ),
    widths.length
  );
  const header = headerRow(ws, [
    w(lang, "序号", "No."),
    w(lang, "项目", "Project"),
    w(lang, "规则", "Rule"),
    w(lang, "位置", "Location"),
    w(lang, "严重程度", "Severity"),
    w(lang, "问题与情况说明", "Finding and explanation"),
    w(lang, "处理理由", "Reason"),
    w(lang, "处理人", "Reviewer"),
    w(lang, "处理日期", "Date"),
  ]);
  if (!accepted.length) ws.addRow(["", w(lang, "（没有已认可的问题）", "(no accepted findings)")]);
  accepted.forEach(({ p, f }, i) => {
    const r = f.review!;
    const project = [p.facts.code, p.facts.name ?? p.file].filter(Boolean).join("\n");
    const superseded = p.supersededBy ? w(lang, "\n（已由较新报送替代）", "\n(superseded)") : "";
    const finding = r.explanation
      ? `${f.message[lang]}\n${w(lang, "情况说明：", "Explanation: ")}${r.explanation}`
      : f.message[lang];
    const row = ws.addRow([
      i + 1,
      `${project}${superseded}`,
      [f.rule, ruleAbout(f, lang)].filter(Boolean).join("\n"),
      f.sheet && f.cell ? `${f.sheet}!${f.cell}` : whereText(f.target, lang) || (f.sheet ?? ""),
      SEVERITY_LABELS[f.severity][lang],
      finding,
      r.reason ?? "",
      r.by ?? "",
      r.date ?? "",
    ]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = thinBorder;
      c.font = p.supersededBy ? GREYED_FONT : font();
      c.alignment = { wrapText: true, vertical: "top" };
    });
    row.getCell(1).alignment = { vertical: "top", horizontal: "right" };
    row.getCell(5).fill = solid(p.supersededBy ? GREYED_FILL : SEVERITY_FILL[f.severity]);
    if (p.supersededBy)
      row.eachCell({ includeEmpty: true }, (c) => {
        c.fill = solid(GREYED_FILL);
      });
  });
  fitRowHeights(ws, header.number + 1);
  ws.views = [{ state: "frozen", ySplit: header.number }];
  printSetup(ws, { titleRows: `${header.number}:${header.number}`, lang });
}
