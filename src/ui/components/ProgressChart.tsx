/**
 * The project's figures as bars, for people who would rather look than read: spending per
 * category against its cap (or floor), and each target's attainment with a mark at what is due
 * by now. Every bar carries its figures as text too, so nothing is said by colour or length alone.
 */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/i18n";
import type { BudgetLine } from "../../engine/summary/budget";
import type { KpiLine } from "../../engine/summary/model";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", flexDirection: "column", gap: "2px" },
  label: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    flexWrap: "wrap",
  },
  track: {
    position: "relative",
    height: "8px",
    borderRadius: "4px",
    background: tokens.colorNeutralBackground5,
    overflow: "hidden",
  },
  bar: { position: "absolute", left: 0, top: 0, bottom: 0, borderRadius: "4px" },
  ok: { background: tokens.colorPaletteGreenBackground3 },
  attention: { background: tokens.colorPaletteDarkOrangeBackground3 },
  fail: { background: tokens.colorPaletteRedBackground3 },
  due: {
    position: "absolute",
    top: "-2px",
    bottom: "-2px",
    width: "2px",
    background: tokens.colorNeutralForeground1,
  },
});

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

function Bar({ share, due, status }: { share: number; due?: number; status: string }) {
  const styles = useStyles();
  const cls =
    status === "fail" ? styles.fail : status === "attention" ? styles.attention : styles.ok;
  return (
    <div className={styles.track} aria-hidden="true">
      <div className={`${styles.bar} ${cls}`} style={{ width: `${Math.min(1, share) * 100}%` }} />
      {due !== undefined && due < 1 && (
        <div className={styles.due} style={{ left: `calc(${due * 100}% - 1px)` }} />
      )}
    </div>
  );
}

export interface ProgressChartProps {
  budget: BudgetLine[] | null;
  kpis: KpiLine[];
  lang: Lang;
  s: Strings;
}

export function ProgressChart({ budget, kpis, lang, s }: ProgressChartProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="progress-chart">
      {budget && (
        <section aria-label={s.chartBudget}>
          <Text weight="semibold" size={200}>
            {s.chartBudget}
          </Text>
          <ul className={styles.list}>
            {budget.map((b) => {
              const over = b.kind === "max" ? b.actual > b.limit : false;
              const short = b.kind === "min" && b.actual < b.limit;
              const status = over ? "fail" : short ? "attention" : "ok";
              const sign = b.kind === "max" ? "≤" : "≥";
              return (
                <li key={b.category} className={styles.row} data-line={b.category}>
                  <span className={styles.label}>
                    <span>{b.label[lang]}</span>
                    <span>
                      {n(b.actual)} / {sign} {n(b.limit)}
                    </span>
                  </span>
                  <Bar share={b.limit > 0 ? b.actual / b.limit : 1} status={status} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {kpis.length > 0 && (
        <section aria-label={s.chartKpi}>
          <Text weight="semibold" size={200}>
            {s.chartKpi}
          </Text>
          <ul className={styles.list}>
            {kpis.map((k, i) => (
              <li key={`${k.rule}-${i}`} className={styles.row} data-line={k.rule}>
                <span className={styles.label}>
                  <span>{k.label[lang]}</span>
                  <span>
                    {n(k.actual)} / {n(k.target)}
                    {k.unit[lang] ? ` ${k.unit[lang]}` : ""}
                    {k.expected < k.target ? ` · ${s.chartDue} ${n(k.expected)}` : ""}
                  </span>
                </span>
                <Bar
                  share={k.target > 0 ? k.actual / k.target : 1}
                  due={k.target > 0 ? k.expected / k.target : undefined}
                  status={k.status}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
