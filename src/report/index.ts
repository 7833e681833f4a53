export * from "./model.js";
export { formatConsole, summaryLine, type Paint } from "./console.js";
export { toJUnitXml, writeJUnitReport } from "./junit.js";
export { toJson, writeJsonReport } from "./json.js";
export { toHtml, writeHtmlReport } from "./html.js";
export { describeFinding } from "./text.js";
export { writeFileAtomic } from "./write-file.js";
export { writeReportFiles, type ReportFiles } from "./files.js";
