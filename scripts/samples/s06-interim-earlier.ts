/**
 * An earlier monthly submission of s02's project (same code, earlier reporting date), with a
 * mistyped code and a June purchase reported at 4,800 that s02 corrects to 4,600.
 */
import type { Sample } from "./types";
import { interimContent } from "./s02-interim-behind";
import { parseIsoDate } from "../../src/engine/util/dates";
import type { Row } from "./generate";

const AS_OF = "2024-09-05";
const base = interimContent();
const cutoff = parseIsoDate(AS_OF)!;

/** Keep only what had happened by the earlier reporting date. */
function upTo(rows: Row[] | undefined, key: string): Row[] {
  return (rows ?? []).filter((r) => {
    const v = r[key];
    return typeof v !== "string" || (parseIsoDate(v) ?? 0) <= cutoff;
  });
}

const t = base.tables!;
export const sample: Sample = {
  file: "06-zhanmin-interim-earlier.xlsx",
  about:
    "站敏乡项目 8 月份报送（与 02 同一项目编号、截止日期更早），统一社会信用代码录入有误 (earlier submission of project 02)",
  content: {
    ...base,
    info: {
      ...base.info,
      AsOfDate: AS_OF,
      ContractorUSCC: String(base.info!.ContractorUSCC).slice(0, 17) + "0",
    },
    tables: {
      ...t,
      // As first reported: 02 corrects this June purchase to 4,600 (a retroactive change, SUB-RETRO).
      Ledger: upTo(t.Ledger, "date").map((r) =>
        r.summary === "孵化基地桌椅及办公用品" ? { ...r, amount: 4800 } : r
      ),
      CommunityOrgs: (t.CommunityOrgs ?? []).map((o) =>
        typeof o.filedOn === "string" && parseIsoDate(o.filedOn)! > cutoff
          ? { ...o, filedOn: null, filingNumber: null }
          : o
      ),
      Activities: upTo(t.Activities, "date"),
      Trainings: upTo(t.Trainings, "date"),
      FamilyFiles: upTo(t.FamilyFiles, "date"),
      CharityResources: upTo(t.CharityResources, "date"),
      MonthlyReports: (t.MonthlyReports ?? [])
        .slice(0, 5)
        .map((r, i) => (i === 4 ? { ...r, submittedOn: null } : r)),
    },
  },
  expected: [
    "BUD-SERVICE warning 预算!C3",
    // Pace (review-cycle.md section 3): the caps' progress, and the personnel plan of 95,000
    // outrun at 8,150 a month (97,800 by the end, crossed in 2025-03).
    "BUD-OVERRUN warning 预算!C2",
    "BUD-EVAL info/progress 预算!C4",
    "BUD-OVERRUN info/progress 预算!C3",
    "BUD-OVERRUN info/progress 预算!C4",
    "BUD-PERSONNEL info/progress 预算!C2",
    "BUD-TOTAL info/progress 预算!C5",
    "KPI-CASES warning 典型案例!A1:C1",
    "KPI-CHARITY warning 慈善资源!A1:E1",
    "KPI-CONTEST warning 大赛!A1:E1",
    "KPI-FAMILY warning 婚姻家庭档案!A1:D1",
    "KPI-MARRIAGE warning 婚姻家庭档案!A1:D1",
    "KPI-ORGS warning 社区社会组织!A1:H1",
    "KPI-SERVICES warning 服务活动!A1:G1",
    "KPI-BENEFICIARIES info/progress 服务活动!A1:G1",
    "KPI-ORG-FIELDS info 社区社会组织!A1:H1",
    "KPI-TRAINING info/progress 培训!A1:D1",
    "KPI-TRAINING info/progress 培训!A1:D1",
    "PRJ-USCC error 项目信息!B6",
  ],
};
