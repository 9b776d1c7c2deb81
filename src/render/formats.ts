// Output formats of the report commands (audit, compare): one list for option choices and types.
export const REPORT_FORMATS = ['table', 'json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
