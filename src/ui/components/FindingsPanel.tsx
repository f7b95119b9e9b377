/** Project and stage, counts with severity filters, and the grouped findings: the same in Excel and standalone. */
import * as React from "react";
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { formatSerial } from "../../engine/util/dates";
import type { UiFinding, WorkbookResult } from "../protocol";
import type { Strings } from "../strings";
import { SeverityBar } from "./SeverityBar";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  project: { display: "flex", flexDirection: "column", gap: "2px" },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface FindingsPanelProps {
  result: WorkbookResult;
  lang: Lang;
  s: Strings;
  selected: UiFinding | null;
  onSelect(f: UiFinding): void;
}

export function FindingsPanel({ result, lang, s, selected, onSelect }: FindingsPanelProps) {
  const styles = useStyles();
  const [shown, setShown] = React.useState<Set<Severity>>(
    () => new Set(["error", "warning", "info"])
  );
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of result.findings) counts[f.severity] += 1;
  const visible = result.findings.filter((f) => shown.has(f.severity));
  const toggle = (sev: Severity) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  const facts = result.facts;
  return (
    <div className={styles.root}>
      <div className={styles.project}>
        <Text weight="semibold" size={400}>
          {facts.name ?? result.file}
        </Text>
        <div className={styles.line}>
          {facts.code && <Text size={200}>{facts.code}</Text>}
          <Badge
            appearance="tint"
            color={result.stage.kind === "final" ? "brand" : "informative"}
            data-stage={result.stage.kind}
          >
            {s.stage[result.stage.kind]}
          </Badge>
          <Text size={200}>
            {s.asOf} {formatSerial(result.stage.asOf)}
          </Text>
        </div>
      </div>
      <SeverityBar counts={counts} shown={shown} onToggle={toggle} s={s} />
      <FindingsList findings={visible} lang={lang} s={s} selected={selected} onSelect={onSelect} />
    </div>
  );
}
