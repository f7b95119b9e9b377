/**
 * What the pane needs from Excel. The interface lives with its Office.js implementation
 * (src/hosts/excel/bridge.ts); the pane imports only the type, never Office.js itself.
 */
export type { OfficeBridge as ExcelBridge } from "../hosts/excel/bridge";
