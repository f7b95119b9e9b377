import { defineRule } from '../types';
import { atTable } from '../_shared/where';
import { isFullTime, onPost } from '../_shared/people';
import { formatSerial } from '../../util/dates';

export default defineRule({
  id: 'STF-COUNT',
  area: 'staff',
  kind: 'always',
  severities: ['error'],
  clause: '四.(二).1',
  title: { zh: '专职人员数量', en: 'Full-time staff' },
  describe: (rs) => ({
    zh: `报告截止日期在岗的专职工作人员不少于 ${rs.staff.minFullTime} 名。`,
    en: `At least ${rs.staff.minFullTime} full-time staff on the project on the reporting date.`,
  }),
  needs: ['Staff.employment', 'Staff.joined'],
  check(ctx) {
    const min = ctx.ruleset.staff.minFullTime;
    const asOf = ctx.stage.asOf;
    const actual = ctx.table('Staff').rows.filter((r) => isFullTime(r) && onPost(r, asOf)).length;
    if (actual >= min) return [];
    return [
      {
        severity: 'error',
        ...atTable(ctx, 'Staff'),
        message: {
          zh: `截至 ${formatSerial(asOf)}，在岗专职工作人员 ${actual} 名，少于规定的 ${min} 名。`,
          en: `On ${formatSerial(asOf)} the project has ${actual} full-time staff on post, fewer than the required ${min}.`,
        },
        figures: { actual, target: min },
      },
    ];
  },
});
