/**
 * What stands under a finding beyond its message: its pace (a cap or target in the interim),
 * a chart of it on request, and the rows behind its figure. Shared by the problems list and the
 * progress section, so a cap reads the same wherever it is listed.
 */
import * as React from "react";
import { ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DataLine16Regular } from "@fluentui/react-icons";
import type { Lang } from "../../engine/i18n";
import type { CheckedWorkbook } from "../../engine/summary/model";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";
import { PaceLine, paceKind, paceLabel } from "./PaceLine";
import { EvidenceList } from "./EvidenceList";
import { PaceChart } from "./PaceChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  /** Under a problem's card: tied to it by a rule on the left. */
  attached: {
    marginLeft: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXXS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: "flex", justifyContent: "flex-end" },
  chartToggle: { fontWeight: tokens.fontWeightRegular, flexShrink: 0 },
});

export type Workbook = Pick<CheckedWorkbook, "stage" | "measures">;

export interface FindingDetailsProps {
  f: UiFinding;
  result: Workbook;
  lang: Lang;
  s: Strings;
  onGo?(sheet: string, cell: string): void;
  /** Under a problem, whose message says the pace in words: one line of it, not the grid. */
  compact?: boolean;
}

export function FindingDetails({ f, result, lang, s, onGo, compact }: FindingDetailsProps) {
  const styles = useStyles();
  const [chart, setChart] = React.useState(false);
  const kind = paceKind(f);
  const hasEvidence = !!f.evidence?.length;
  if (!kind && !hasEvidence) return null;
  const { name, unit } = paceLabel(f, result, lang, s);
  const toggle = f.series && (
    <ToggleButton
      size="small"
      appearance="subtle"
      className={styles.chartToggle}
      icon={<DataLine16Regular />}
      checked={chart}
      onClick={() => setChart(!chart)}
      aria-label={s.pace.chartOf(name)}
      data-testid="chart-toggle"
    >
      {s.pace.chart}
    </ToggleButton>
  );
  const picture = chart && f.series && (
    <PaceChart
      series={f.series}
      name={name}
      unit={unit}
      asOf={result.stage.asOf}
      lang={lang}
      s={s}
    />
  );
  return (
    <div
      className={mergeClasses(styles.root, compact && styles.attached)}
      data-testid="finding-details"
    >
      {kind && (
        <PaceLine f={f} stage={result.stage} unit={unit} lang={lang} s={s} compact={compact} />
      )}
      {hasEvidence ? (
        <EvidenceList f={f} lang={lang} s={s} onGo={onGo} extra={toggle} between={picture} />
      ) : (
        toggle && (
          <>
            <div className={styles.top}>{toggle}</div>
            {picture}
          </>
        )
      )}
    </div>
  );
}
