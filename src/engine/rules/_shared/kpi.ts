/** KPI helpers shared by several target rules: effective organisations, professional services. */
import type { Row } from "../../read/project";
import type { Need, RuleContext } from "../types";
import { compact } from "../../util/text";
import { countsTowardTarget, dateReason, inPeriod } from "./period";
import { judgeRecord, tableEvidence, type Verdict } from "./evidence";
import { REASONS } from "../../evidence";

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

/** Every activity, counted as a professional service (or for its beneficiaries) or left out. */
export function professionalEvidence(ctx: RuleContext, beneficiaries = false) {
  return tableEvidence(
    ctx.table("Activities"),
    (row) =>
      judgeRecord(ctx, row, {
        dateKey: "date",
        notQualifying: (r) =>
          !PROFESSIONAL_TYPES.has(r.v.type as string)
            ? REASONS.notProfessional
            : !hostedByContractor(ctx, r.v.host)
              ? REASONS.notContractor
              : null,
        ...(beneficiaries ? { sumKey: "beneficiaries", noValue: REASONS.noBeneficiaries } : {}),
      }),
    beneficiaries ? "beneficiaries" : undefined
  );
}

/** Every organisation row, counted when effectively cultivated, else with the first reason it is not. */
export function orgEvidence(ctx: RuleContext) {
  const min = ctx.ruleset.targets.orgActivities;
  const status = new Map(newOrgs(ctx).map((o) => [o.row, o] as const));
  const filed = { zh: "乡镇备案日期", en: "filing date" };
  return tableEvidence(ctx.table("CommunityOrgs"), (row): Verdict => {
    if (row.v.newlyCultivated !== "是") return { counted: false, reason: REASONS.notNew };
    if (typeof row.v.name !== "string") return { counted: false, reason: REASONS.noName };
    const o = status.get(row);
    if (!o) return { counted: false, reason: REASONS.repeatedName };
    if (o.effective) return { counted: true };
    const date = dateReason(ctx, row.v.filedOn, filed);
    if (date) return { counted: false, reason: date };
    if (!o.filed) return { counted: false, reason: REASONS.noFilingNumber };
    return {
      counted: false,
      reason: {
        zh: `开展社区服务活动 ${o.activities} 场，少于 ${min} 场`,
        en: `Only ${o.activities} community service ${o.activities === 1 ? "activity" : "activities"}, fewer than ${min}`,
      },
    };
  });
}
