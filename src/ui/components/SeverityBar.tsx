/** Counts by severity, each a toggle that filters the list. */
import * as React from "react";
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine/findings";
import type { Strings } from "../strings";
import { SEVERITIES, SeverityIcon } from "./severity";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface SeverityBarProps {
  counts: Record<Severity, number>;
  shown: Set<Severity>;
  onToggle(severity: Severity): void;
  s: Strings;
}

export function SeverityBar({ counts, shown, onToggle, s }: SeverityBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="group" aria-label={s.filter}>
      {SEVERITIES.map((sev) => (
        <ToggleButton
          key={sev}
          size="small"
          checked={shown.has(sev)}
          onClick={() => onToggle(sev)}
          icon={<SeverityIcon severity={sev} />}
          data-severity={sev}
        >
          {s.counts[sev]} {counts[sev]}
        </ToggleButton>
      ))}
    </div>
  );
}
