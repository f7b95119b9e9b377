/** A compliant project at its final stage: every rule holds. */
import type { Sample } from "./types";
import { CONTRACTORS, TONGXIN_SUPERVISORS, idNumber } from "./people";
import {
  day,
  familyFiles,
  monthlyReports,
  organisations,
  payroll,
  resetVouchers,
  services,
  spend,
  spread,
  type Row,
} from "./generate";

resetVouchers();
const START = "2024-03-01";
const fields = ["公益慈善类", "生活服务类", "社区事务类", "文体活动类"];
const org = organisations(
  "乌帕尔镇",
  "乌帕尔",
  Array.from({ length: 12 }, (_, i) => ({
    field: fields[i % 4],
    filedOn: day("2024-04-10", i * 9),
    activities: [
      day("2024-06-05", i * 7),
      day("2024-09-12", i * 5),
      ...(i % 3 === 0 ? [day("2024-12-03", i)] : []),
    ],
  }))
);

const ledger: Row[] = [
  ...payroll(
    START,
    12,
    [
      { name: "王丽", monthly: 3600 },
      { name: "阿依古丽·吐尔逊", monthly: 3400 },
    ],
    900
  ),
  spend("2024-03-20", "服务性支出", "调研", "需求摸底调研问卷印制", 1200, "疏附县文印中心"),
  spend(
    "2024-04-18",
    "服务性支出",
    "活动物资",
    "社区社会组织孵化基地办公用品",
    5200,
    "疏附县百货商店"
  ),
  spend(
    "2024-05-18",
    "服务性支出",
    "培训",
    "社区社会组织人才培训场地及资料",
    3800,
    "乌帕尔镇党群服务中心"
  ),
  spend("2024-06-08", "服务性支出", "活动物资", "邻里互助日活动物资", 4300, "乌帕尔镇供销社"),
  spend(
    "2024-07-20",
    "服务性支出",
    "大赛资助",
    "微公益大赛获奖组织资助",
    12000,
    "乌帕尔镇社区社会组织联合会"
  ),
  spend("2024-08-16", "服务性支出", "交通", "入户探访及活动交通费", 2600, "疏附县客运站"),
  spend("2024-09-26", "服务性支出", "活动物资", "民族团结联欢会物资", 5100, "乌帕尔镇供销社"),
  spend("2024-10-12", "服务性支出", "培训", "社区志愿者培训讲师费", 3500, "喀什大学继续教育学院"),
  spend("2024-11-15", "服务性支出", "宣传", "婚嫁新风宣传册印制", 2900, "疏附县文印中心"),
  spend("2024-12-20", "服务性支出", "活动物资", "困境老人冬季慰问物资", 3400, "疏附县百货商店"),
  spend("2025-01-17", "服务性支出", "宣传", "典型案例汇编印制", 1600, "疏附县文印中心"),
  spend("2024-08-30", "评估及其他", "评估费", "项目中期第三方评估", 8000, "喀什地区社会工作协会"),
  spend("2025-02-25", "评估及其他", "评估费", "项目末期第三方评估", 9000, "喀什地区社会工作协会"),
  spend("2025-02-26", "评估及其他", "审计费", "项目专项审计", 1000, "喀什正信会计师事务所"),
];

const professional = services(
  spread("2024-04-20", "2025-01-20", 12),
  [1, 12, 48, 10, 60, 1, 1, 11, 45, 9, 52, 1]
);

export const sample: Sample = {
  file: "01-wupaer-final-compliant.xlsx",
  about: "乌帕尔镇项目，末期，全部合规 (compliant project at the final stage)",
  content: {
    info: {
      ProjectName: "2024年乌帕尔镇社区社会组织培育发展示范项目",
      ProjectCode: "SFMZ-FC-2024-01",
      Contractor: CONTRACTORS.tongxin.name,
      ContractorUSCC: CONTRACTORS.tongxin.uscc,
      Township: "乌帕尔镇",
      ContractStart: START,
      ContractEnd: "2025-02-28",
      ContractAmount: 160000,
      AsOfDate: "2025-03-06",
    },
    budget: { 人力成本: 96000, 服务性支出: 46000, 评估及其他: 18000 },
    tables: {
      Ledger: ledger,
      Staff: [
        {
          name: "王丽",
          idNumber: { text: idNumber("1988-05-12", 12, true) },
          post: "项目主管",
          employment: "专职",
          certLevel: "初级",
          certNumber: { text: "2019650100012345" },
          careerStart: "2019-07-01",
          joined: START,
        },
        {
          name: "阿依古丽·吐尔逊",
          idNumber: { text: idNumber("1996-09-03", 45, true) },
          post: "社工",
          employment: "专职",
          certLevel: "无",
          careerStart: "2023-09-01",
          joined: START,
        },
        {
          name: "艾尔肯·买买提",
          idNumber: { text: idNumber("1985-02-20", 31, false) },
          post: "财务",
          employment: "兼职",
          certLevel: "无",
          joined: START,
        },
      ],
      Supervisors: TONGXIN_SUPERVISORS,
      CommunityOrgs: org.orgs,
      Activities: [
        ...professional,
        ...org.activities,
        {
          date: "2024-10-19",
          title: "重阳节敬老志愿服务",
          type: "志愿服务",
          host: "本机构",
          group: "一老",
          beneficiaries: 40,
          evidence: "志愿服务记录.pdf",
        },
      ],
      Contests: [
        {
          date: "2024-07-20",
          title: "乌帕尔镇首届社区社会组织微公益大赛",
          type: "微公益大赛",
          participants: 12,
          grantAmount: 12000,
        },
      ],
      Trainings: [
        {
          date: "2024-05-18",
          topic: "社区社会组织规范管理与项目策划",
          audience: "社区社会组织人才",
          personTimes: 35,
        },
        {
          date: "2024-10-12",
          topic: "社区志愿服务技能培训",
          audience: "社区志愿者",
          personTimes: 32,
        },
      ],
      FamilyFiles: familyFiles(
        "WP",
        spread("2024-04-08", "2025-01-28", 22),
        spread("2024-05-15", "2025-01-10", 6)
      ),
      CharityResources: [
        {
          date: "2024-06-01",
          source: "疏附县慈善总会",
          form: "资金",
          value: 3000,
          use: "困难儿童助学",
        },
        {
          date: "2024-09-10",
          source: "乌帕尔镇爱心商户",
          form: "物资",
          value: 2300,
          use: "困境老人米面油",
        },
        {
          date: "2025-01-15",
          source: "喀什大学志愿者协会",
          form: "服务",
          value: 1500,
          use: "义诊义剪",
        },
      ],
      Cases: [
        {
          title: "“爱心互助会”带动邻里守望相助",
          orgs: "乌帕尔村爱心互助会",
          completedOn: "2024-11-20",
        },
        {
          title: "调解队化解土地纠纷促进村庄和谐",
          orgs: "库木巴格村矛盾纠纷调解队",
          completedOn: "2024-12-18",
        },
        {
          title: "麦西来甫文艺队传承非遗凝聚人心",
          orgs: "阿热买里村麦西来甫文艺队",
          completedOn: "2025-01-22",
        },
      ],
      MonthlyReports: monthlyReports(START, 12, (i) => (i < 11 ? 5 + (i % 4) : null)),
    },
  },
  expected: [],
};
