export { defaultReportPath } from './html-report/default-report-path.js';
export { type HtmlReport, type HtmlReportOptions, htmlReport } from './html-report/html-report.js';
export {
  type WriteHtmlReportOptions,
  type WrittenHtmlReport,
  writeHtmlReport,
} from './html-report/write-html-report.js';
export { formatGithubAnnotations } from './report/format-github-annotations.js';
export { formatJsonReport } from './report/format-json-report.js';
export { formatTextReport } from './report/format-text-report.js';
export type {
  CheckResult,
  CompareReport,
  Comparison,
  DatasetSummary,
  DistanceSummary,
  GateCategory,
  GateDetails,
  GateResult,
  GateStatus,
  KAnonymityReport,
  PrivacyReport,
  QualityDetail,
  QualityProperty,
  QualityReport,
  ReportThresholds,
  ScenarioSummary,
  ValidationReport,
} from './report/validation-report.js';
export { validate } from './validate.js';
export { ValidateInputError } from './validate-input-error.js';
export type { ValidateOptions } from './validate-options.js';
