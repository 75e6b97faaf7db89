import { dirname, join, resolve } from 'node:path';

/** Where the report goes by default: report.html beside the dataset directory, never inside it. */
export function defaultReportPath(dir: string): string {
  return join(dirname(resolve(dir)), 'report.html');
}
