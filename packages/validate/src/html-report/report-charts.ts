import type { ReportChart } from './chart-types.js';
import { admissionRoutes } from './charts/admission-routes.js';
import { alcShare } from './charts/alc-share.js';
import { compareColumnShapes } from './charts/compare-column-shapes.js';
import { comparePairTrends } from './charts/compare-pair-trends.js';
import { edAcuity } from './charts/ed-acuity.js';
import { edDisposition } from './charts/ed-disposition.js';
import { edHourProfile } from './charts/ed-hour-profile.js';
import { edMonthProfile } from './charts/ed-month-profile.js';
import { edRatesByAge } from './charts/ed-rates-by-age.js';
import { edVolumes } from './charts/ed-volumes.js';
import { edWeekdayProfile } from './charts/ed-weekday-profile.js';
import { lhaGrowth } from './charts/lha-growth.js';
import { losByProgram } from './charts/los-by-program.js';
import { populationPyramid } from './charts/population-pyramid.js';
import { privacyDistances } from './charts/privacy-distances.js';
import { siteOccupancy } from './charts/site-occupancy.js';

/** Every chart of the report, in page order within its section. */
export const REPORT_CHARTS: readonly ReportChart[] = [
  populationPyramid,
  lhaGrowth,
  edVolumes,
  edRatesByAge,
  edMonthProfile,
  edWeekdayProfile,
  edHourProfile,
  edAcuity,
  edDisposition,
  losByProgram,
  alcShare,
  admissionRoutes,
  siteOccupancy,
  compareColumnShapes,
  comparePairTrends,
  privacyDistances,
];
