/**
 * A comparison as the bureau's summary keeps it, small enough to pass between threads for
 * every project: the changed rows only where they are retroactive, and the lists of new,
 * resolved and persisting findings cut at `limit`. Counts stay whole.
 */
import type { Comparison } from "./types";

export function compactComparison(c: Comparison, limit = 100): Comparison {
  return {
    ...c,
    tables: c.tables.map((t) => ({ ...t, rows: t.rows.filter((r) => r.retro) })),
    checks: {
      new: c.checks.new.slice(0, limit),
      resolved: c.checks.resolved.slice(0, limit),
      persisting: c.checks.persisting.slice(0, limit),
      counts: c.checks.counts,
    },
  };
}
