/** An earlier monthly submission of s02's project (same code, earlier reporting date), with a mistyped code. */
import type { Sample } from './types';
import { interimContent } from './s02-interim-behind';
import { parseIsoDate } from '../../src/engine/util/dates';
import type { Row } from './generate';

const AS_OF = '2024-09-05';
const base = interimContent();
const cutoff = parseIsoDate(AS_OF)!;

/** Keep only what had happened by the earlier reporting date. */
function upTo(rows: Row[] | undefined, key: string): Row[] {
  return (rows ?? []).filter((r) => {
    const v = r[key];
    return typeof v !== 'string' || (parseIsoDate(v) ?? 0) <= cutoff;
  });
}

const t = base.tables!;
export const sample: Sample = {
  file: '06-zhanmin-interim-earlier.xlsx',
  about: '站敏乡项目 8 月份报送（与 02 同一项目编号、截止日期更早），统一社会信用代码录入有误 (earlier submission of project 02)',
  content: {
    ...base,
    info: { ...base.info, AsOfDate: AS_OF, ContractorUSCC: String(base.info!.ContractorUSCC).slice(0, 17) + '0' },
    tables: {
      ...t,
      Ledger: upTo(t.Ledger, 'date'),
      CommunityOrgs: (t.CommunityOrgs ?? []).map((o) => (typeof o.filedOn === 'string' && parseIsoDate(o.filedOn)! > cutoff ? { ...o, filedOn: null, filingNumber: null } : o)),
      Activities: upTo(t.Activities, 'date'),
      Trainings: upTo(t.Trainings, 'date'),
      FamilyFiles: upTo(t.FamilyFiles, 'date'),
      CharityResources: upTo(t.CharityResources, 'date'),
      MonthlyReports: (t.MonthlyReports ?? []).slice(0, 5).map((r, i) => (i === 4 ? { ...r, submittedOn: null } : r)),
    },
  },
  expected: [],
};
