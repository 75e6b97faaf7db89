import type { ReportChart } from './chart-types.js';
import { populationPyramid } from './charts/population-pyramid.js';

/** Every chart of the report, in page order within its section. */
export const REPORT_CHARTS: readonly ReportChart[] = [populationPyramid];
