/**
 * Building sample workbook content from a few figures: the helpers turn "12 organisations,
 * 10 activities" into rows a contractor would really keep.
 */
import type { CellInput, WorkbookContent } from "../../src/hosts/xlsx/template/build";
import {
  addMonths,
  formatSerial,
  parseIsoDate,
  monthIndex,
  monthLabel,
} from "../../src/engine/util/dates";
import { LEADERS, ORG_NAMES, VILLAGES } from "./people";

export type Row = Record<string, CellInput>;

export function day(iso: string, plus = 0): string {
  return formatSerial(parseIsoDate(iso)! + plus);
}

export function monthStart(iso: string, months: number): string {
  return formatSerial(addMonths(parseIsoDate(iso)!, months));
}

let voucherSeq = 0;
export function resetVouchers() {
  voucherSeq = 0;
}
export function voucher(date: string): string {
  voucherSeq += 1;
  return `记-${date.slice(0, 7).replace("-", "")}-${String(voucherSeq).padStart(3, "0")}`;
}

export interface Salary {
  name: string;
  monthly: number;
}

/** Salary and social-insurance rows for each month from start, paid on the 15th. */
export function payroll(start: string, months: number, staff: Salary[], insurance: number): Row[] {
  const rows: Row[] = [];
  for (let m = 0; m < months; m += 1) {
    const date = day(monthStart(start, m), 14);
    for (const s of staff) {
      rows.push({
        date,
        voucher: voucher(date),
        category: "人力成本",
        subject: "工资",
        summary: `${date.slice(0, 7)} ${s.name}工资`,
        amount: s.monthly,
        payee: s.name,
      });
    }
    if (insurance > 0) {
      rows.push({
        date,
        voucher: voucher(date),
        category: "人力成本",
        subject: "社保",
        summary: `${date.slice(0, 7)} 单位社保缴费`,
        amount: insurance,
        payee: "疏附县社会保险事业管理局",
      });
    }
  }
  return rows;
}

export function spend(
  date: string,
  category: string,
  subject: string,
  summary: string,
  amount: CellInput,
  payee: string
): Row {
  return { date, voucher: voucher(date), category, subject, summary, amount, payee };
}

export interface OrgPlan {
  field: string;
  /** Filed with the township on this date (null: not filed). */
  filedOn: string | null;
  /** 社区服务 activities the organisation hosts. */
  activities: string[];
  newlyCultivated?: boolean;
  name?: string;
}

/** Community organisations and the 社区服务 activities they host. */
export function organisations(township: string, prefix: string, plans: OrgPlan[]) {
  const orgs: Row[] = [];
  const activities: Row[] = [];
  const used = new Map<string, number>();
  const villages = VILLAGES[township];
  plans.forEach((p, i) => {
    const pool = ORG_NAMES[p.field];
    const n = used.get(p.field) ?? 0;
    used.set(p.field, n + 1);
    const village = villages[i % villages.length];
    const name = p.name ?? `${village}${pool[n % pool.length]}`;
    orgs.push({
      name,
      field: p.field,
      village,
      leader: LEADERS[(i * 5) % LEADERS.length],
      leaderType: ["志愿者", "四老人员", "退休干部职工", "致富能人", "专业技术人员", "复退军人"][
        i % 6
      ],
      newlyCultivated: p.newlyCultivated === false ? "否" : "是",
      filedOn: p.filedOn,
      filingNumber: p.filedOn
        ? `${prefix}备-${p.filedOn.slice(0, 4)}-${String(i + 1).padStart(3, "0")}`
        : null,
    });
    p.activities.forEach((date, k) => {
      activities.push({
        date,
        title: `${name}${["邻里互助日", "入户探访", "便民服务", "文艺展演", "环境清扫"][k % 5]}`,
        type: "社区服务",
        host: name,
        group: ["一老", "一小", "一困", "其他"][k % 4],
        beneficiaries: 15 + ((i * 7 + k * 3) % 20),
        evidence: `签到表-${date}.pdf`,
      });
    });
  });
  return { orgs, activities };
}

/** The contractor's professional services: casework, groups and community events. */
export function services(dates: string[], beneficiaries: number[]): Row[] {
  const kinds = [
    { type: "个案", title: "困境老人个案跟进", group: "一老" },
    { type: "小组", title: "留守儿童成长小组", group: "一小" },
    { type: "社区活动", title: "民法典进社区宣传活动", group: "其他" },
    { type: "小组", title: "残疾人康复互助小组", group: "一残" },
    { type: "社区活动", title: "民族团结一家亲联欢会", group: "其他" },
    { type: "个案", title: "困难家庭帮扶个案", group: "一困" },
  ];
  return dates.map((date, i) => {
    const k = kinds[i % kinds.length];
    return {
      date,
      title: `${k.title}（第${Math.floor(i / kinds.length) + 1}期）`,
      type: k.type,
      host: "本机构",
      group: k.group,
      beneficiaries: beneficiaries[i],
      evidence: `活动照片-${date}.zip`,
    };
  });
}

export function familyFiles(
  prefix: string,
  marriageDates: string[],
  counselDates: string[]
): Row[] {
  const rows: Row[] = [];
  marriageDates.forEach((date, i) =>
    rows.push({
      date,
      number: `${prefix}-HJ-${String(i + 1).padStart(3, "0")}`,
      type: "婚嫁新风宣传",
      content: "婚姻登记新人“一对一”婚嫁新风宣传",
    })
  );
  counselDates.forEach((date, i) =>
    rows.push({
      date,
      number: `${prefix}-FD-${String(i + 1).padStart(3, "0")}`,
      type: "婚姻家庭辅导",
      content: ["情感沟通辅导", "家庭矛盾调解", "心理疏导", "亲子关系修复"][i % 4],
    })
  );
  return rows;
}

/**
 * One report row per month from the start month. `sentOnDay(offset)` gives the day of the
 * following month the report went out, or null when it was not sent.
 */
export function monthlyReports(
  start: string,
  months: number,
  sentOnDay: (offset: number) => number | null
): Row[] {
  const first = monthIndex(parseIsoDate(start)!);
  const rows: Row[] = [];
  for (let i = 0; i < months; i += 1) {
    const d = sentOnDay(i);
    const next = first + i + 1;
    const sent =
      d === null
        ? null
        : `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    rows.push({ month: { text: monthLabel(first + i) }, submittedOn: sent });
  }
  return rows;
}

/** Dates spread evenly over a period, for activities and files. */
export function spread(from: string, to: string, count: number): string[] {
  const a = parseIsoDate(from)!;
  const b = parseIsoDate(to)!;
  if (count === 1) return [formatSerial(a)];
  return Array.from({ length: count }, (_, i) =>
    formatSerial(Math.round(a + ((b - a) * i) / (count - 1)))
  );
}

export function content(c: WorkbookContent): WorkbookContent {
  return c;
}
