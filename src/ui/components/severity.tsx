/** Severity shown by icon and text together, never by colour alone. */
import * as React from "react";
import { ErrorCircle20Filled, Warning20Filled, Info20Filled } from "@fluentui/react-icons";
import { tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine/findings";
import type { Strings } from "../strings";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

const ICONS = { error: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Filled };
const COLOURS = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  info: tokens.colorPaletteBlueForeground2,
};

export function SeverityIcon({ severity }: { severity: Severity }) {
  const Icon = ICONS[severity];
  return <Icon aria-hidden="true" style={{ color: COLOURS[severity], flexShrink: 0 }} />;
}

export function severityLabel(severity: Severity, s: Strings, notChecked = false): string {
  if (notChecked) return s.notChecked;
  return { error: s.counts.error, warning: s.counts.warning, info: s.counts.info }[
    severity
  ].replace(/s$/, "");
}
