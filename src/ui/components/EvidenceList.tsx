/**
 * The rows behind a finding's figure (review-cycle.md section 4), collapsed to one line of
 * counts ("明细：计入 18 行，未计入 2 行") until asked for. Opened: for personnel spending the
 * totals per payee, then the rows left out with their reasons, then the rows counted; each row
 * a button that goes to it (Excel and WPS select it, the page's preview scrolls to it).
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import type { EvidenceRow } from "../../engine/evidence";
import type { Lang } from "../../engine/i18n";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";
import { num } from "./PaceLine";

/** Rows shown before "显示其余 N 行": enough to check a figure, few enough to scroll past. */
export const FIRST_ROWS = 30;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  top: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
  },
  toggle: {
    alignSelf: "flex-start",
    minWidth: 0,
    paddingLeft: 0,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    height: "auto",
    textAlign: "left",
  },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  rows: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(128px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
  },
  wide: { gridTemplateColumns: "minmax(0, 1fr)" },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline", minWidth: 0 },
  link: {
    background: "none",
    border: "none",
    padding: 0,
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    textDecoration: "underline",
    cursor: "pointer",
    whiteSpace: "nowrap",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  value: { fontVariantNumeric: "tabular-nums" },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  payees: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cellNum: { textAlign: "right", paddingLeft: tokens.spacingHorizontalM, whiteSpace: "nowrap" },
  cellName: { textAlign: "left", fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere" },
});

/** The cell a row click goes to: the row's first cell (Excel numbers rows from 1). */
export const rowCell = (row: number) => `A${row}`;

function Rows({
  rows,
  wide,
  lang,
  s,
  onGo,
  kind,
}: {
  rows: EvidenceRow[];
  wide: boolean;
  lang: Lang;
  s: Strings;
  onGo?(sheet: string, cell: string): void;
  kind: "counted" | "left";
}) {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  const sheets = new Set(rows.map((r) => r.sheet));
  const label = (r: EvidenceRow) =>
    sheets.size > 1 ? s.pace.rowLabel(r.sheet, r.row) : s.pace.row(r.row);
  return (
    <>
      <ul className={`${styles.rows} ${wide ? styles.wide : ""}`} data-evidence={kind}>
        {shown.map((r) => (
          <li key={`${r.sheet}!${r.row}`} className={styles.row}>
            <button
              type="button"
              className={styles.link}
              aria-label={s.pace.goRow(r.sheet, r.row)}
              data-row={`${r.sheet}!${r.row}`}
              onClick={() => onGo?.(r.sheet, rowCell(r.row))}
            >
              {label(r)}
            </button>
            {r.value !== undefined && <span className={styles.value}>{num(r.value)}</span>}
            {r.reason && <span className={styles.reason}>{r.reason[lang]}</span>}
          </li>
        ))}
      </ul>
      {rows.length > shown.length && (
        <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
          {s.pace.showRest(rows.length - shown.length)}
        </Button>
      )}
    </>
  );
}

export interface EvidenceListProps {
  f: UiFinding;
  lang: Lang;
  s: Strings;
  /** Go to a cell: Excel and WPS select it, the page's preview shows it. */
  onGo?(sheet: string, cell: string): void;
  /** Beside the counts (the chart's toggle), and between them and the rows (the chart). */
  extra?: React.ReactNode;
  between?: React.ReactNode;
}

export function EvidenceList({ f, lang, s, onGo, extra, between }: EvidenceListProps) {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const id = React.useId();
  const evidence = f.evidence;
  if (!evidence?.length) return null;
  const counted = evidence.filter((e) => e.counted);
  const left = evidence.filter((e) => !e.counted);
  const sheets = [...new Set(evidence.map((e) => e.sheet))];
  const where = sheets.length === 1 ? (lang === "zh" ? `（${sheets[0]}）` : ` (${sheets[0]})`) : "";
  return (
    <div className={styles.root} data-testid="evidence">
      <div className={styles.top}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.toggle}
          icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          data-testid="evidence-toggle"
        >
          {s.pace.evidence(counted.length, left.length)}
        </Button>
        {extra}
      </div>
      {between}
      {open && (
        <div id={id} className={styles.body}>
          {f.byPayee && f.byPayee.length > 0 && (
            <table className={styles.payees} data-testid="by-payee">
              <caption className={styles.heading} style={{ textAlign: "left" }}>
                {s.pace.byPayee}
              </caption>
              <tbody>
                {f.byPayee.map((p) => (
                  <tr key={p.payee ?? ""}>
                    <th scope="row" className={styles.cellName}>
                      {p.payee ?? s.pace.payeeBlank}
                    </th>
                    <td className={styles.cellNum}>{num(p.amount)}</td>
                    <td className={styles.cellNum}>{s.pace.payments(p.rows.length)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {left.length > 0 && (
            <>
              <p className={styles.heading}>
                {s.pace.leftRows}
                {where} · {left.length}
              </p>
              <Rows rows={left} wide lang={lang} s={s} onGo={onGo} kind="left" />
            </>
          )}
          {counted.length > 0 && (
            <>
              <p className={styles.heading}>
                {s.pace.countedRows}
                {where} · {counted.length}
              </p>
              <Rows rows={counted} wide={false} lang={lang} s={s} onGo={onGo} kind="counted" />
            </>
          )}
        </div>
      )}
    </div>
  );
}
