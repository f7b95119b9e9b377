/** Sheet names of the bureau's summary workbook, apart from its writer (which loads ExcelJS). */
import { SUMMARY_PREFIX } from "../../engine/contract/tables";

export const OVERVIEW_SHEET = `${SUMMARY_PREFIX}县级`;
export const CROSS_SHEET = `${SUMMARY_PREFIX}交叉检查`;
export const UNREADABLE_SHEET = "读取失败";
