/**
 * A comparison of two submissions as the pane shows it, narrow enough for a 350 px task pane:
 * the two files, a one-line conclusion, the retroactive changes (SUB-RETRO) first and open, a
 * table of counts per sheet, then collapsed sections: each sheet's changed rows with old → new
 * values, project facts, KPIs and budget then and now, findings new / resolved / persisting.
 * A changed or added row, a SUB-RETRO finding and a finding of the later workbook go to their
 * cell when `go` is given (the later workbook is the one open or loaded).
 */
import * as React from "react";
import { MessageBar, MessageBarBody, Text, mergeClasses } from "@fluentui/react-components";
import { Info16Regular } from "@fluentui/react-icons";
import type { Comparison } from "../../engine/diff/types";
import { formatSerial } from "../../engine/util/dates";
import { formatNumber } from "../../engine/util/text";
import type { Strings } from "../strings";
import type { Lang } from "../../engine/i18n";
import {
  Changes,
  FindingList,
  NumberTable,
  Sections,
  TableRows,
  num,
  thenNow,
  useCompareStyles,
  type Go,
  type ItemProps,
  type Section,
} from "./CompareItems";

export interface CompareResultProps {
  comparison: Comparison;
  lang: Lang;
  s: Strings;
  /** Go to a cell of the later workbook; absent when it is not the one open here. */
  go?: Go;
}

function sectionsOf(cmp: Comparison, p: ItemProps): { details: Section[]; checks: Section[] } {
  const { lang, s } = p;
  const c = s.compare;
  const details: Section[] = cmp.tables
    .filter((t) => t.rows.length)
    .map((t) => ({
      value: `table-${t.table}`,
      title: c.rowsTitle(t.title[lang], t.rows.length),
      body: <TableRows t={t} {...p} />,
    }));
  if (cmp.info.length)
    details.push({
      value: "info",
      title: c.infoTitle(cmp.info.length),
      body: <Changes fields={cmp.info} lang={lang} />,
    });
  if (cmp.kpis.length)
    details.push({
      value: "kpis",
      title: c.kpiTitle,
      body: (
        <NumberTable
          testId="compare-kpis"
          columns={c.kpiColumns}
          rows={cmp.kpis.map((k) => ({
            key: `${k.rule}-${k.label.en}`,
            head:
              k.label[lang] +
              (k.unit[lang] ? (lang === "zh" ? `（${k.unit.zh}）` : ` (${k.unit.en})`) : ""),
            cells: [num(k.earlier), num(k.later), num(k.dueLater)],
          }))}
        />
      ),
    });
  if (cmp.budget)
    details.push({
      value: "budget",
      title: c.budgetTitle,
      body: (
        <NumberTable
          testId="compare-budget"
          columns={c.budgetColumns}
          rows={cmp.budget.map((b) => ({
            key: b.category,
            head: b.label[lang],
            // The plan, beside the spending, only where it changed.
            sub:
              b.planned.earlier !== b.planned.later
                ? c.planned(thenNow(b.planned.earlier, b.planned.later))
                : undefined,
            cells: [
              num(b.actual.earlier),
              num(b.actual.later),
              `${b.kind === "max" ? "≤" : "≥"} ${formatNumber(b.limit)}`,
            ],
          }))}
        />
      ),
    });
  const k = cmp.checks;
  const checks: Section[] = (["new", "resolved", "persisting"] as const)
    .filter((key) => k[key].length)
    .map((key) => ({
      value: `checks-${key}`,
      title: `${c.checks[key]} (${k.counts[key]})`,
      body: (
        <>
          {key === "resolved" && <Text size={200}>{c.resolvedNote}</Text>}
          {/* Resolved findings are the earlier workbook's: nowhere to go here. */}
          <FindingList list={k[key]} {...p} go={key === "resolved" ? undefined : p.go} />
        </>
      ),
    }));
  return { details, checks };
}

export function CompareResult({ comparison: cmp, lang, s, go }: CompareResultProps) {
  const styles = useCompareStyles();
  const c = s.compare;
  const changed = cmp.tables.filter((t) => t.added + t.removed + t.changed > 0);
  const sum = (key: "added" | "removed" | "changed") => cmp.tables.reduce((n, t) => n + t[key], 0);
  const retro = cmp.findings.filter((f) => f.rule === "SUB-RETRO");
  // Sheets with retroactive changes open at first; the rest stay folded.
  const [open, setOpen] = React.useState<string[]>(() =>
    changed.filter((t) => t.retro > 0).map((t) => `table-${t.table}`)
  );
  const { details, checks } = sectionsOf(cmp, { lang, s, go });
  const k = cmp.checks;
  const fileName = (f: string) => f.split(/[\\/]/).pop() ?? f;

  return (
    <div className={styles.root} data-testid="compare-result">
      <div className={styles.sides}>
        <Text size={200} className={styles.wrap}>
          {c.side(c.earlier, fileName(cmp.earlier.file), formatSerial(cmp.earlier.asOf))}
        </Text>
        <Text size={200} className={styles.wrap}>
          {c.side(c.later, fileName(cmp.later.file), formatSerial(cmp.later.asOf))}
        </Text>
      </div>
      {cmp.notes.map((n, i) => (
        <Text key={i} size={200} className={mergeClasses(styles.note, styles.wrap)}>
          <Info16Regular aria-hidden="true" style={{ flexShrink: 0 }} />
          {n.message[lang]}
        </Text>
      ))}
      <MessageBar intent={retro.length ? "warning" : "success"} data-testid="compare-conclusion">
        <MessageBarBody>
          {c.conclusion(retro.length, sum("added"), sum("removed"), sum("changed"))}
        </MessageBarBody>
      </MessageBar>
      {retro.length > 0 && (
        <section aria-label={c.retroTitle} className={styles.root}>
          <Text weight="semibold" as="h3" className={styles.heading} size={300}>
            {c.retroTitle} ({retro.length})
          </Text>
          <FindingList list={retro} lang={lang} s={s} go={go} />
        </section>
      )}
      {changed.length > 0 && (
        <div className={styles.scroll}>
          <table className={styles.table} aria-label={c.tablesTitle} data-testid="compare-tables">
            <thead>
              <tr>
                {c.tableColumns.map((h, i) => (
                  <th key={h} className={i ? styles.numWrap : undefined} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {changed.map((t) => (
                <tr key={t.table} data-table={t.table}>
                  {/* The sheet's own name, as on its tab (and in fucai diff), in both languages. */}
                  <th scope="row">{t.title.zh}</th>
                  {[t.added, t.removed, t.changed, t.retro].map((n, i) => (
                    <td key={i} className={styles.num}>
                      {n || "–"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cmp.tables
        .filter((t) => t.missingIn)
        .map((t) => (
          <Text key={t.table} size={200}>
            {c.missingIn(t.title[lang], t.missingIn === "earlier" ? c.earlier : c.later)}
          </Text>
        ))}
      <Sections list={details} open={open} onOpen={setOpen} />
      <Text weight="semibold" size={200} as="h3" className={styles.heading}>
        {c.checksTitle(k.counts.new, k.counts.resolved, k.counts.persisting)}
      </Text>
      <Sections list={checks} open={open} onOpen={setOpen} />
    </div>
  );
}
