/**
 * Counts by severity, each a "show only" filter: pressing 警告 shows the warnings only, pressing
 * it again shows everything. Pressed chips look pressed (filled) and say so to screen readers.
 */
import * as React from "react";
import { Button, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { Prohibited20Regular } from "@fluentui/react-icons";
import type { Counts } from "../../engine/findings";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";
import { SEVERITIES, SeverityIcon } from "./severity";

export type Filter = "error" | "warning" | "info" | "notChecked";
export const FILTERS: Filter[] = [...SEVERITIES, "notChecked"];

/** Does a finding pass the chosen filters (none chosen: everything passes)? */
export function passes(f: UiFinding, only: ReadonlySet<Filter>): boolean {
  if (!only.size) return true;
  return only.has(f.status === "not-checked" ? "notChecked" : f.severity);
}

const useStyles = makeStyles({
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
});

export interface SeverityBarProps {
  counts: Counts;
  only: ReadonlySet<Filter>;
  onToggle(filter: Filter): void;
  onClear(): void;
  s: Strings;
}

export function SeverityBar({ counts, only, onToggle, onClear, s }: SeverityBarProps) {
  const styles = useStyles();
  const label = (f: Filter) => (f === "notChecked" ? s.notCheckedCount : s.counts[f]);
  return (
    <div className={styles.bar} role="group" aria-label={s.filter}>
      <Text size={200}>{s.showOnly}</Text>
      {FILTERS.filter((f) => f !== "notChecked" || counts.notChecked > 0).map((f) => (
        <ToggleButton
          key={f}
          size="small"
          checked={only.has(f)}
          appearance={only.has(f) ? "primary" : "outline"}
          onClick={() => onToggle(f)}
          icon={f === "notChecked" ? <Prohibited20Regular /> : <SeverityIcon severity={f} />}
          data-severity={f}
        >
          {label(f)} {counts[f]}
        </ToggleButton>
      ))}
      {counts.accepted > 0 && (
        // Not a filter: accepted findings stay listed under their own severity.
        <Text size={200} title={s.acceptedNote} data-accepted={counts.accepted}>
          {s.acceptedCount} {counts.accepted}
        </Text>
      )}
      {only.size > 0 && (
        <Button size="small" appearance="transparent" onClick={onClear}>
          {s.showAll}
        </Button>
      )}
    </div>
  );
}
