/** Sheet names of the bureau's summary workbook, apart from its writer (which loads ExcelJS). */
import { SUMMARY_PREFIX } from "../../engine/contract/tables";

export const OVERVIEW_SHEET = `${SUMMARY_PREFIX}县级`;
export const CROSS_SHEET = `${SUMMARY_PREFIX}交叉检查`;
export const UNREADABLE_SHEET = "读取失败";
/** Every accepted finding (审核意见 认可) with its reason and reviewer. */
export const REVIEWS_SUMMARY_SHEET = `${SUMMARY_PREFIX}审核意见`;
/** Each project submitted more than once: its last two submissions compared. */
export const CHANGES_SHEET = `${SUMMARY_PREFIX}变更`;
