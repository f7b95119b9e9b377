/** KPI helpers shared by several target rules: effective organisations, professional services. */
import type { Row } from "../../read/project";
import type { Need, RuleContext } from "../types";
import { compact } from "../../util/text";
import { countsTowardTarget, inPeriod } from "./period";

export const PROFESSIONAL_TYPES = new Set(["个案", "小组", "社区活动"]);
/** How a contractor names itself as host. */
const SELF_NAMES = new Set(["本机构", "本单位", "承接机构"].map(compact));

export function hostedByContractor(ctx: RuleContext, host: unknown): boolean {
  if (typeof host !== "string") return false;
  const key = compact(host);
  if (SELF_NAMES.has(key)) return true;
  const contractor = ctx.value("Contractor");
  return typeof contractor === "string" && contractor !== "" && compact(contractor) === key;
}

/** The contractor's professional service activities (个案, 小组, 社区活动), split by whether they count. */
export function professionalActivities(ctx: RuleContext) {
  const rows = ctx
    .table("Activities")
    .rows.filter(
      (r) => PROFESSIONAL_TYPES.has(r.v.type as string) && hostedByContractor(ctx, r.v.host)
    );
  return inPeriod(ctx, rows, "date");
}

/** What judging an organisation's cultivation needs: its filing, and the activities it hosts. */
export const ORG_NEEDS: Need[] = [
  "CommunityOrgs.name",
  "CommunityOrgs.newlyCultivated",
  "CommunityOrgs.filedOn",
  "CommunityOrgs.filingNumber",
  "Activities.type",
  "Activities.host",
  "Activities.date",
];

export interface OrgStatus {
  row: Row;
  name: string;
  effective: boolean;
  filed: boolean;
  /**
   * Left out for its filing date: filed on a day outside ContractStart..AsOfDate, or given a
   * filing number without the date it was filed.
   */
  outOfPeriod: boolean;
  activities: number;
}

/** 社区服务 activities of organisations that do not count for their date (rules.md, Stage). */
export function orgActivitiesLeftOut(ctx: RuleContext): number {
  let left = 0;
  for (const a of ctx.table("Activities").rows) {
    if (
      a.v.type !== "社区服务" ||
      typeof a.v.host !== "string" ||
      hostedByContractor(ctx, a.v.host)
    )
      continue;
    if (!countsTowardTarget(ctx, a.v.date)) left += 1;
  }
  return left;
}

/** Every organisation newly cultivated by the project, with whether it counts as effectively cultivated. */
export function newOrgs(ctx: RuleContext): OrgStatus[] {
  const min = ctx.ruleset.targets.orgActivities;
  const hosted = new Map<string, number>();
  for (const a of ctx.table("Activities").rows) {
    if (a.v.type !== "社区服务" || typeof a.v.host !== "string") continue;
    if (!countsTowardTarget(ctx, a.v.date)) continue;
    const key = compact(a.v.host);
    hosted.set(key, (hosted.get(key) ?? 0) + 1);
  }
  // An organisation entered twice is one organisation (REC-DUPLICATE reports the repeat).
  const seen = new Set<string>();
  return ctx
    .table("CommunityOrgs")
    .rows.filter((r) => {
      if (r.v.newlyCultivated !== "是" || typeof r.v.name !== "string") return false;
      const key = compact(r.v.name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((row) => {
      const name = row.v.name as string;
      const filed =
        countsTowardTarget(ctx, row.v.filedOn) &&
        typeof row.v.filingNumber === "string" &&
        row.v.filingNumber !== "";
      const activities = hosted.get(compact(name)) ?? 0;
      const numbered = typeof row.v.filingNumber === "string" && row.v.filingNumber !== "";
      const outOfPeriod =
        typeof row.v.filedOn === "number"
          ? !countsTowardTarget(ctx, row.v.filedOn)
          : numbered && !row.unreadable?.has("filedOn");
      return { row, name, filed, outOfPeriod, activities, effective: filed && activities >= min };
    });
}
