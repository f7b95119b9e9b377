/** The pieces of CompareResult: items that go to their cell, folded sections, number tables. */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { clauseText, type Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { FieldChange, RowChange, TableComparison } from "../../engine/diff/types";
import { shownText } from "../../engine/diff/values";
import { whereText } from "../../engine/read/describe-needs";
import { formatNumber } from "../../engine/util/text";
import type { Strings } from "../strings";
import { SeverityIcon, severityLabel } from "./severity";

/** Rows listed per sheet before "show the others". */
export const ROWS_SHOWN = 30;

export const useCompareStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  sides: { display: "flex", flexDirection: "column", color: tokens.colorNeutralForeground2 },
  wrap: { overflowWrap: "anywhere" },
  heading: { margin: 0 },
  scroll: { overflowX: "auto", minWidth: 0 },
  note: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
  },
  link: {
    cursor: "pointer",
    ":hover": { background: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  retro: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  head: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  fields: { margin: 0, paddingLeft: tokens.spacingHorizontalS, listStyleType: "none" },
  old: { color: tokens.colorNeutralForeground2, textDecorationLine: "line-through" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: "2px 4px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
    // Figures' headings over the figures (a class alone loses to the rule above).
    "& thead th:not(:first-child)": { textAlign: "right" },
  },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  numWrap: { textAlign: "right" },
});

export type Go = (sheet: string, cell: string) => void;

export const num = (v: number | null) => (v === null ? "–" : formatNumber(v));
export const thenNow = (a: number | null, b: number | null) =>
  a === b || a === null ? num(b) : `${num(a)} → ${num(b)}`;

function where(f: Finding, lang: Lang): string {
  if (f.sheet) return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  return whereText(f.target, lang);
}

type DataAttrs = { [key: `data-${string}`]: string | undefined };

/** A button when it can go somewhere, else plain: the same look either way. */
function Item({
  target,
  go,
  className,
  title,
  data,
  children,
}: {
  target: { sheet: string; cell: string } | null;
  go?: Go;
  className?: string;
  title: string;
  data: DataAttrs;
  children: React.ReactNode;
}) {
  const styles = useCompareStyles();
  if (target && go)
    return (
      <button
        type="button"
        className={mergeClasses(styles.item, styles.link, className)}
        title={title}
        onClick={() => go(target.sheet, target.cell)}
        {...data}
      >
        {children}
      </button>
    );
  return (
    <div className={mergeClasses(styles.item, className)} {...data}>
      {children}
    </div>
  );
}

function Change({ f, lang }: { f: FieldChange; lang: Lang }) {
  const styles = useCompareStyles();
  return (
    <li className={styles.wrap}>
      <Text size={200}>
        {f.header[lang]}
        {lang === "zh" ? "：" : ": "}
        <span className={styles.old}>{shownText(f.old, lang)}</span>
        {" → "}
        <strong>{shownText(f.new, lang)}</strong>
      </Text>
    </li>
  );
}

export function Changes({ fields, lang }: { fields: FieldChange[]; lang: Lang }) {
  const styles = useCompareStyles();
  return (
    <ul className={styles.fields}>
      {fields.map((f) => (
        <Change key={f.field} f={f} lang={lang} />
      ))}
    </ul>
  );
}

export interface ItemProps {
  lang: Lang;
  s: Strings;
  go?: Go;
}

function FindingRow({ f, lang, s, go }: ItemProps & { f: Finding }) {
  const styles = useCompareStyles();
  // A removed row's SUB-RETRO names its table only: go to the top of its sheet.
  const target = f.sheet ? { sheet: f.sheet, cell: f.cell ?? "A1" } : null;
  return (
    <Item
      target={target}
      go={go}
      className={f.rule === "SUB-RETRO" ? styles.retro : undefined}
      title={s.compare.goTo}
      data={{
        "data-rule": f.rule,
        "data-cell": target ? `${target.sheet}!${target.cell}` : undefined,
      }}
    >
      <SeverityIcon severity={f.severity} />
      <span className={styles.body}>
        <span className={styles.meta}>
          {severityLabel(f.severity, s)}
          {f.title ? ` · ${f.title[lang]}` : ""}
          {f.clause ? ` · ${clauseText(f.clause, lang)}` : ""}
          {` · ${f.rule} · ${where(f, lang)}`}
        </span>
        <span className={styles.wrap}>{f.message[lang]}</span>
        {f.fix && f.rule === "SUB-RETRO" && (
          <span className={styles.meta}>
            {s.fix}
            {f.fix[lang]}
          </span>
        )}
      </span>
    </Item>
  );
}

function RowItem({ r, lang, s, go }: ItemProps & { r: RowChange }) {
  const styles = useCompareStyles();
  const c = s.compare;
  const cell = r.cell ?? (r.laterRow ? `A${r.laterRow}` : null);
  // A removed row is no longer in the later workbook: nowhere to go.
  const target = r.change !== "removed" && cell ? { sheet: r.sheet, cell } : null;
  return (
    <Item
      target={target}
      go={go}
      className={r.retro ? styles.retro : undefined}
      title={c.goTo}
      data={{
        "data-change": r.change,
        "data-retro": r.retro ? "true" : undefined,
        "data-cell": target ? `${target.sheet}!${target.cell}` : undefined,
      }}
    >
      <span className={styles.body}>
        <span className={styles.head}>
          <Text weight="semibold" size={200}>
            {c.change[r.change]} ·{" "}
            {r.change === "removed" ? c.earlierRow(r.earlierRow) : c.row(r.laterRow)}
          </Text>
          {r.retro && (
            <Badge appearance="tint" color="warning" size="small">
              {c.retroBadge}
            </Badge>
          )}
        </span>
        <span className={mergeClasses(styles.meta, styles.wrap)}>{r.label[lang]}</span>
        {r.fields.length > 0 && <Changes fields={r.fields} lang={lang} />}
      </span>
    </Item>
  );
}

export function TableRows({ t, lang, s, go }: ItemProps & { t: TableComparison }) {
  const styles = useCompareStyles();
  const [all, setAll] = React.useState(false);
  // Retroactive rows first: they are what the officer must look at.
  const rows = React.useMemo(
    () => [...t.rows].sort((a, b) => Number(b.retro) - Number(a.retro)),
    [t.rows]
  );
  const shown = all ? rows : rows.slice(0, ROWS_SHOWN);
  return (
    <>
      <ul className={styles.list} aria-label={t.title[lang]}>
        {shown.map((r, i) => (
          <li key={`${r.change}-${r.earlierRow}-${r.laterRow}-${i}`}>
            <RowItem r={r} lang={lang} s={s} go={go} />
          </li>
        ))}
      </ul>
      {rows.length > shown.length && (
        <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
          {s.compare.more(rows.length - shown.length)}
        </Button>
      )}
    </>
  );
}

export function FindingList({ list, lang, s, go }: ItemProps & { list: Finding[] }) {
  const styles = useCompareStyles();
  return (
    <ul className={styles.list}>
      {list.map((f, i) => (
        <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`}>
          <FindingRow f={f} lang={lang} s={s} go={go} />
        </li>
      ))}
    </ul>
  );
}

export type Section = { value: string; title: string; body: React.ReactNode };

export function Sections({
  list,
  open,
  onOpen,
}: {
  list: Section[];
  open: string[];
  onOpen(open: string[]): void;
}) {
  if (!list.length) return null;
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, d) => {
        const v = String(d.value);
        onOpen(open.includes(v) ? open.filter((x) => x !== v) : [...open, v]);
      }}
    >
      {list.map((x) => (
        <AccordionItem key={x.value} value={x.value}>
          <AccordionHeader as="h3" size="small" data-section={x.value}>
            {x.title}
          </AccordionHeader>
          <AccordionPanel>{x.body}</AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

export function NumberTable({
  columns,
  rows,
  testId,
}: {
  columns: string[];
  /** `sub`: a smaller line under the row's heading. */
  rows: { key: string; head: string; sub?: string; cells: string[] }[];
  testId: string;
}) {
  const styles = useCompareStyles();
  return (
    <table className={styles.table} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((h, i) => (
            <th key={h} className={i ? styles.numWrap : undefined} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              {r.head}
              {r.sub && (
                <Text block size={100} weight="regular">
                  {r.sub}
                </Text>
              )}
            </th>
            {r.cells.map((v, i) => (
              <td key={i} className={v.includes("→") ? styles.numWrap : styles.num}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The collapsed sections: rows per sheet, facts, KPIs, budget; then the findings compared. */
