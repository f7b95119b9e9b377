/**
 * Findings grouped by area (预算, 人员与督导, 绩效指标, 数据与格式). Each says its severity in
 * words, the rule's name and the plan's clause, where it is, the message, and how to fix it.
 * A group that holds an error is always open; the others open and close as the user leaves them
 * (kept per file by the caller). A finding is a button: Enter or a click goes to its cell.
 */
import { whereText } from "../../engine/read/describe-needs";
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
  mergeClasses,
} from "@fluentui/react-components";
import { clauseText } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { Area } from "../../engine/rules/types";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";
import { SeverityIcon, severityLabel } from "./severity";
import { ReviewNote } from "./ReviewForm";
import { FindingDetails, type Workbook } from "./FindingDetails";

const AREA_ORDER: Area[] = ["budget", "staff", "kpi", "data", "cross"];

const useStyles = makeStyles({
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
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    font: "inherit",
    ":hover": { background: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}` },
  // Rows, pace and the review note hang off their finding's card, not between two cards.
  attached: {
    marginLeft: tokens.spacingHorizontalM,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  entry: { paddingBottom: tokens.spacingVerticalXS },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  title: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  fix: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  message: { wordBreak: "break-word" },
});

const FIGURE_KEYS = ["actual", "target", "expected", "cap", "planned"] as const;

function figuresText(f: UiFinding, s: Strings): string | null {
  if (!f.figures) return null;
  const parts = FIGURE_KEYS.filter((k) => f.figures![k] !== undefined).map((k) => {
    const v = f.figures![k];
    return `${s.figures[k]} ${typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : v}`;
  });
  return parts.length ? parts.join(" / ") : null;
}

/** One finding as a button: what, where, why, and what to do. */
export function FindingItem({
  f,
  lang,
  s,
  selected,
  onSelect,
}: {
  f: UiFinding;
  lang: Lang;
  s: Strings;
  selected: boolean;
  onSelect(f: UiFinding): void;
}) {
  const styles = useStyles();
  const where = f.sheet ? `${f.sheet}!${f.cell ?? ""}` : whereText(f.target, lang);
  const figures = figuresText(f, s);
  const severity = severityLabel(f.severity, s, f.status === "not-checked");
  // Accepted in 审核意见: still listed, said beside the severity (ReviewNote says by whom).
  const label = f.review?.accepted
    ? `${severity}${lang === "zh" ? `（${s.review.accepted}）` : ` (${s.review.accepted})`}`
    : severity;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, selected && styles.selected)}
      onClick={() => onSelect(f)}
      data-rule={f.rule}
      data-cell={f.sheet && f.cell ? `${f.sheet}!${f.cell}` : undefined}
      data-status={f.status}
      data-selected={selected || undefined}
      data-accepted={f.review?.accepted || undefined}
    >
      <SeverityIcon severity={f.severity} />
      <span className={styles.body}>
        <span className={styles.meta}>
          {label}
          {f.title && <span className={styles.title}> · {f.title[lang]}</span>}
          {f.clause && ` · ${clauseText(f.clause, lang)}`}
          {` · ${f.rule}`}
          {where ? ` · ${where}` : ""}
        </span>
        <span className={styles.message}>{f.message[lang]}</span>
        {f.fix && f.status !== "not-checked" && (
          <span className={styles.fix}>
            {s.fix}
            {f.fix[lang]}
          </span>
        )}
        {figures && <span className={styles.figures}>{figures}</span>}
      </span>
    </button>
  );
}

export interface FindingsListProps {
  findings: UiFinding[];
  lang: Lang;
  s: Strings;
  selected?: UiFinding | null;
  onSelect(f: UiFinding): void;
  /** Groups the user closed (groups with an error stay open whatever this says). */
  closed: ReadonlySet<Area>;
  onClosedChange(closed: Set<Area>): void;
  /** Opens the explanation / decision form (ReviewForm); absent where reviews cannot be written. */
  onReview?(f: UiFinding): void;
  /** Stage and measures, for each finding's pace and evidence (FindingDetails); absent: none shown. */
  result?: Workbook;
  onGo?(sheet: string, cell: string): void;
}

export function FindingsList({
  findings,
  lang,
  s,
  selected,
  onSelect,
  closed,
  onClosedChange,
  onReview,
  result,
  onGo,
}: FindingsListProps) {
  const styles = useStyles();
  const groups = AREA_ORDER.map(
    (area) => [area, findings.filter((f) => f.area === area)] as const
  ).filter(([, list]) => list.length);
  if (!findings.length) return <Text role="status">{s.noFindings}</Text>;
  const withErrors = new Set(
    groups.filter(([, list]) => list.some((f) => f.severity === "error")).map(([a]) => a)
  );
  const open = groups.map(([a]) => a).filter((a) => withErrors.has(a) || !closed.has(a));
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, data) => {
        const area = data.value as Area;
        if (withErrors.has(area)) return; // errors are never hidden
        const next = new Set(closed);
        if (next.has(area)) next.delete(area);
        else next.add(area);
        onClosedChange(next);
      }}
    >
      {groups.map(([area, list]) => (
        <AccordionItem value={area} key={area}>
          <AccordionHeader as="h2" data-area={area}>
            {s.areas[area]} ({list.length})
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} aria-label={s.areas[area]}>
              {list.map((f, i) => (
                <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} className={styles.entry}>
                  <FindingItem
                    f={f}
                    lang={lang}
                    s={s}
                    selected={selected === f}
                    onSelect={onSelect}
                  />
                  <div className={styles.attached}>
                    {result && (
                      <FindingDetails f={f} result={result} lang={lang} s={s} onGo={onGo} compact />
                    )}
                    <ReviewNote f={f} lang={lang} s={s} onReview={onReview} />
                  </div>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
