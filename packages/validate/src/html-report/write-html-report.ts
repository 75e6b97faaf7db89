import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Scenario } from '@lm-synth/config/core';
import type { ValidationReport } from '../report/validation-report.js';
import { ValidateInputError } from '../validate-input-error.js';
import { defaultReportPath } from './default-report-path.js';
import { type HtmlReportOptions, htmlReport } from './html-report.js';
import { refuseReportInside } from './refuse-report-inside.js';

export interface WriteHtmlReportOptions extends HtmlReportOptions {
  /** The HTML file to write (default: report.html beside the dataset directory). */
  readonly out?: string;
}

export interface WrittenHtmlReport {
  /** Absolute path of the file written. */
  readonly path: string;
  readonly bytes: number;
  readonly report: ValidationReport;
}

/**
 * Makes the HTML report of the dataset in `dir` (see `htmlReport`) and writes it to
 * `options.out` atomically: to a temporary file beside it, then renamed into place, so a
 * reader never sees half a report. A path inside the dataset (or the compared one) is
 * refused before anything is read.
 */
export async function writeHtmlReport(
  dir: string,
  scenario: Scenario,
  options: WriteHtmlReportOptions = {},
): Promise<WrittenHtmlReport> {
  const { out, ...validateOptions } = options;
  const path = resolve(out ?? defaultReportPath(dir));
  await refuseReportInside(path, [
    dir,
    ...(options.compare === undefined ? [] : [options.compare]),
  ]);
  const { html, report } = await htmlReport(dir, scenario, validateOptions);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, html, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ValidateInputError(`cannot write ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { path, bytes: Buffer.byteLength(html), report };
}
