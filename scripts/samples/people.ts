/** Realistic, invented people and organisations of Shufu County for the sample workbooks. */
import { idCheckChar, usccCheckChar } from "../../src/engine/util/checkdigits";

/** A valid ID number (GB 11643) of someone registered in Shufu County (653121). */
export function idNumber(birth: string, seq: number, female: boolean): string {
  const digits = birth.replace(/-/g, "");
  const order = String(seq * 2 + (female ? 0 : 1))
    .padStart(3, "0")
    .slice(-3);
  const first17 = `653121${digits}${order}`;
  return first17 + idCheckChar(first17);
}

/** A valid unified social credit code: authority+type, Shufu region, organisation code. */
export function uscc(prefix: string, orgCode: string): string {
  const first17 = `${prefix}653121${orgCode}`;
  if (first17.length !== 17) throw new Error(`bad USCC body ${first17}`);
  return first17 + usccCheckChar(first17);
}

export const CONTRACTORS = {
  tongxin: { name: "疏附县同心社会工作服务中心", uscc: uscc("52", "MJY2A3K4X") },
  yangguang: { name: "喀什市阳光社会工作服务中心", uscc: uscc("52", "MJX8C1N7Q") },
  huimin: { name: "新疆惠民科技服务有限公司", uscc: uscc("91", "MA7H2K9LX") },
  hexie: { name: "疏附县和谐社会工作服务中心", uscc: uscc("52", "MJY7E4T2W") },
};

export const VILLAGES: Record<string, string[]> = {
  乌帕尔镇: ["乌帕尔村", "阿热买里村", "库木巴格村", "塔什米力克村", "阿克塔木村", "铁日木村"],
  站敏乡: ["站敏村", "阔什艾日克村", "英阿瓦提村", "巴格艾日克村", "托万克站敏村"],
  托克扎克镇: ["托克扎克村", "英买里村", "兰干村", "阿亚格曼干村", "喀什贝希村"],
};

export const LEADERS = [
  "买买提·艾力",
  "阿依古丽·热合曼",
  "吐尔逊·买买提",
  "帕提古丽·阿不都",
  "艾则孜·吾守尔",
  "王秀兰",
  "努尔古丽·艾买提",
  "热合曼·托合提",
  "刘建国",
  "阿不都热依木·卡地尔",
  "古丽娜尔·依明",
  "马金花",
  "依明江·亚森",
  "张桂芳",
  "米热古丽·阿布拉",
  "赵德明",
];

export const ORG_NAMES: Record<string, string[]> = {
  公益慈善类: ["爱心互助会", "邻里帮扶队", "助学帮困社", "暖心公益服务队"],
  生活服务类: ["老年日间照料互助组", "巧手家政服务队", "儿童托管互助社", "便民理发服务队"],
  社区事务类: ["矛盾纠纷调解队", "平安巡防队", "环境整治志愿队", "议事协商会"],
  文体活动类: ["麦西来甫文艺队", "广场舞协会", "青少年足球队", "农民书画社"],
  其他: ["电商创业互助社", "种植技术交流会"],
};

/** The internal and external supervisors of 疏附县同心社会工作服务中心, on each of its projects. */
export const TONGXIN_SUPERVISORS = [
  {
    name: "李建华",
    idNumber: { text: idNumber("1979-11-08", 7, false) },
    kind: "内部",
    certLevel: "中级",
    certNumber: { text: "2016650100004321" },
    careerStart: "2012-03-01",
    employer: CONTRACTORS.tongxin.name,
  },
  {
    name: "马晓燕",
    idNumber: { text: idNumber("1982-04-16", 22, true) },
    kind: "外部",
    certLevel: "中级",
    certNumber: { text: "2014650100007788" },
    careerStart: "2010-09-01",
    employer: "喀什大学法政学院",
  },
];
