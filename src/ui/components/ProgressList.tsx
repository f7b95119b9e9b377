/**
 * The progress section's list (进度): each cap or target on track, by its name, with its pace
 * as figures, its chart on request and the rows behind it. Not buttons: nothing here is a
 * problem to go and fix; the rows behind a figure go to their cells.
 */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/i18n";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";
import { paceKind, paceLabel } from "./PaceLine";
import { FindingDetails, type Workbook } from "./FindingDetails";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  name: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "baseline",
  },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

export interface ProgressListProps {
  progress: UiFinding[];
  result: Workbook;
  lang: Lang;
  s: Strings;
  onGo?(sheet: string, cell: string): void;
}

export function ProgressList({ progress, result, lang, s, onGo }: ProgressListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={s.progress}>
      {progress.map((f, i) => (
        <li
          key={`${f.rule}-${i}`}
          className={styles.item}
          data-rule={f.rule}
          data-status="progress"
        >
          {paceKind(f) ? (
            <span className={styles.name}>
              <Text weight="semibold" size={200}>
                {paceLabel(f, result, lang, s).name}
              </Text>
              <span className={styles.rule}>{f.rule}</span>
            </span>
          ) : (
            <Text size={200}>{f.message[lang]}</Text>
          )}
          <FindingDetails f={f} result={result} lang={lang} s={s} onGo={onGo} />
        </li>
      ))}
    </ul>
  );
}
