/**
 * What the page says before any workbook is added: in two lines what is checked, and three
 * ways to begin: the standard template, the help page, and a sample to try.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  BookQuestionMark20Regular,
  DocumentTable20Regular,
} from "@fluentui/react-icons";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface StartScreenProps {
  s: Strings;
  onTemplate(): void;
  onHelp(): void;
  onSample(): void;
}

export function StartScreen({ s, onTemplate, onHelp, onSample }: StartScreenProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={s.appTitle} data-testid="start">
      {s.startLines.map((line) => (
        <Text key={line} block>
          {line}
        </Text>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<DocumentTable20Regular />} onClick={onSample}>
          {s.trySample}
        </Button>
        <Button icon={<ArrowDownload20Regular />} onClick={onTemplate}>
          {s.downloadTemplate}
        </Button>
        <Button icon={<BookQuestionMark20Regular />} onClick={onHelp}>
          {s.help}
        </Button>
      </div>
    </section>
  );
}
