import { basename } from 'node:path';
import type { Scenario } from '@lm-synth/config/core';
import { SYNTHETIC_NOTICE } from '@lm-synth/export-arrow';
import {
  openValidationDataset,
  type ValidationDataset,
} from '../dataset/open-validation-dataset.js';
import type { ValidationReport } from '../report/validation-report.js';
import { validate } from '../validate.js';
import type { ValidateOptions } from '../validate-options.js';
import { chartFigureHtml } from './chart-figure-html.js';
import type { ChartContext, ChartDataset, ChartSectionId } from './chart-types.js';
import { gatesSectionHtml } from './gates-section-html.js';
import { overviewSectionHtml } from './overview-section-html.js';
import { prepareChartTables } from './prepare-chart-tables.js';
import { REPORT_CHARTS } from './report-charts.js';
import { type ReportPageSection, reportPageHtml } from './report-page-html.js';

export interface HtmlReportOptions extends ValidateOptions {
  /** How the page names the dataset (default: `dir` as given), e.g. without server paths. */
  readonly label?: string;
}

/** The HTML report of a dataset and the validation report it shows. */
export interface HtmlReport {
  /** One self-contained HTML document. */
  readonly html: string;
  readonly report: ValidationReport;
}

const CHART_SECTIONS: readonly { id: ChartSectionId; title: string; intro: string }[] = [
  {
    id: 'population',
    title: '3. Population',
    intro:
      'The population the sample is drawn from: the cohort-component projection of the scenario (population_projection), by age group, gender and local health area.',
  },
  {
    id: 'ed',
    title: '4. Emergency department',
    intro:
      "ED encounters against the scenario: volumes and rates are weighted (each patient stands for weight residents); times are local wall-clock time in the dataset's time zone, where the scenario's profiles apply.",
  },
  {
    id: 'inpatient',
    title: '5. Inpatient',
    intro:
      'Inpatient stays and daily capacity: lengths of stay against the configured distributions, ALC, how patients are admitted and how full each site is.',
  },
  {
    id: 'compare',
    title: '6. Comparison with another dataset',
    intro:
      'With --compare: how closely this dataset reproduces the other (e.g. a model-based sample against its training data) column by column and pair by pair, and whether it copies its records (privacy).',
  },
];

/**
 * The quality report of the lm-synth dataset in `dir` as one self-contained HTML page:
 * overview, every validate gate, and charts of the population, ED and inpatient activity
 * (with `compare`, column shapes, pair trends and privacy against another dataset). Every
 * chart is rendered to inline SVG now, with its numbers in a table. Throws an input error
 * (`isInputError`) when a dataset cannot be read, as validate does.
 */
export async function htmlReport(
  dir: string,
  scenario: Scenario,
  options: HtmlReportOptions = {},
): Promise<HtmlReport> {
  const { label = dir, ...validateOptions } = options;
  // validate reads the dataset on its own DuckDB connection while the charts query theirs;
  // DuckDB works off the JavaScript thread, so the two overlap.
  const validation = validate(dir, scenario, validateOptions);
  validation.catch(() => undefined);
  const opened: ValidationDataset[] = [];
  try {
    const main = await openValidationDataset(dir);
    opened.push(main);
    const other =
      options.compare === undefined ? undefined : await openValidationDataset(options.compare);
    if (other) opened.push(other);
    const context: ChartContext = {
      ...chartDataset(dir, main),
      scenario,
      ...(other && options.compare !== undefined
        ? { compare: chartDataset(options.compare, other) }
        : {}),
    };
    await prepareChartTables(context);
    const figures = new Map<ChartSectionId, string[]>();
    for (const chart of REPORT_CHARTS.filter((entry) => !entry.compare)) {
      const list = figures.get(chart.section) ?? [];
      list.push(await chartFigureHtml(chart, context));
      figures.set(chart.section, list);
    }
    const report = await validation;
    if (context.compare && report.privacy.compare) {
      const withPrivacy: ChartContext = {
        ...context,
        compare: { ...context.compare, privacy: report.privacy.compare },
      };
      for (const chart of REPORT_CHARTS.filter((entry) => entry.compare)) {
        const list = figures.get(chart.section) ?? [];
        list.push(await chartFigureHtml(chart, withPrivacy));
        figures.set(chart.section, list);
      }
    }
    const sections: ReportPageSection[] = [
      {
        id: 'overview',
        title: '1. Overview',
        intro: `The run that generated the dataset and what it holds. ${SYNTHETIC_NOTICE}`,
        html: overviewSectionHtml(report, main.dataset.manifest, label),
      },
      {
        id: 'gates',
        title: '2. Validation gates',
        intro: `Every gate of lm-synth validate: ${report.ok ? 'none failed' : 'at least one FAILED'}. Statistical tolerances allow for sampling error at the dataset's size (family-wise false-fail rate ${report.thresholds.familyWiseAlpha}).`,
        html: gatesSectionHtml(report.gates),
      },
      ...CHART_SECTIONS.filter((section) => section.id !== 'compare' || context.compare).map(
        (section) => ({
          ...section,
          html: (figures.get(section.id) ?? []).join('\n'),
        }),
      ),
    ];
    const patients = report.dataset.tables.find((table) => table.name === 'patients')?.rows ?? 0;
    const html = reportPageHtml({
      title: `lm-synth quality report: ${report.scenario.id}`,
      subtitle: `${label} — ${report.dataset.format}, ${patients.toLocaleString('en-US')} patients, seed ${report.dataset.run.seed}${options.compare === undefined ? '' : `, compared with ${basename(options.compare)}`}. Validation: ${report.ok ? 'PASSED' : 'FAILED'}.`,
      notice: SYNTHETIC_NOTICE,
      sections,
    });
    return { html, report };
  } finally {
    for (const dataset of opened) dataset.close();
  }
}

function chartDataset(dir: string, opened: ValidationDataset): ChartDataset {
  const recorded = opened.dataset.manifest.lm_synth;
  // A dataset written before the scenario named its zone applied its profiles in UTC.
  return {
    dir,
    sql: opened.sql,
    run: { ...recorded, timeZone: recorded.timeZone ?? 'UTC' },
    rowCounts: opened.rowCounts,
  };
}
