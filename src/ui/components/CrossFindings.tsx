/**
 * Cross-project findings, the checks the bureau cares most about, in a section of their own:
 * severity, the rule's name and clause, the message, how to fix it, and every file and cell it
 * comes from, each a button that opens that file at that cell.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { clauseText, type CrossFinding, type FileRef } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { Strings } from "../strings";
import { SeverityIcon, severityLabel } from "./severity";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    background: tokens.colorNeutralBackground2,
  },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalS },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  fix: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  refs: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  ref: { maxWidth: "100%", whiteSpace: "normal", textAlign: "left", height: "auto" },
});

export interface CrossFindingsProps {
  findings: CrossFinding[];
  lang: Lang;
  s: Strings;
  /** Open the file a reference names, at its cell. */
  onOpen(ref: FileRef): void;
}

const baseName = (f: string) => f.split(/[\\/]/).pop() ?? f;

export function CrossFindings({ findings, lang, s, onOpen }: CrossFindingsProps) {
  const styles = useStyles();
  if (!findings.length) return null;
  return (
    <section className={styles.root} aria-label={s.crossTitle} data-testid="cross">
      <Text weight="semibold" size={400} as="h2">
        {s.crossTitle} ({findings.length})
      </Text>
      <Text size={200}>{s.crossIntro}</Text>
      <ul className={styles.list}>
        {findings.map((f, i) => (
          <li key={`${f.rule}-${i}`} className={styles.item} data-rule={f.rule}>
            <SeverityIcon severity={f.severity} />
            <div className={styles.body}>
              <span className={styles.meta}>
                {severityLabel(f.severity, s)}
                {f.title ? ` · ${f.title[lang]}` : ""}
                {f.clause ? ` · ${clauseText(f.clause, lang)}` : ""} · {f.rule}
              </span>
              <span>{f.message[lang]}</span>
              {f.fix && (
                <span className={styles.fix}>
                  {s.fix}
                  {f.fix[lang]}
                </span>
              )}
              <span className={styles.refs}>
                {f.refs.map((r, k) => (
                  <Button
                    key={k}
                    size="small"
                    appearance="secondary"
                    className={styles.ref}
                    title={s.openAt}
                    data-ref={`${baseName(r.file)}${r.sheet ? `|${r.sheet}!${r.cell ?? ""}` : ""}`}
                    onClick={() => onOpen(r)}
                  >
                    {baseName(r.file)}
                    {r.sheet ? ` · ${r.sheet}!${r.cell ?? ""}` : ""}
                  </Button>
                ))}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
