import { parseIsoDate } from "../engine/util/dates";
import { UsageError } from "./inputs";

/** --as-of YYYY-MM-DD, as a date serial. */
export function parseAsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const serial = parseIsoDate(text);
  if (serial === null)
    throw new UsageError(
      `--as-of 的日期「${text}」无效，应为 YYYY-MM-DD。`,
      `--as-of "${text}" is not a date; use YYYY-MM-DD.`
    );
  return serial;
}
