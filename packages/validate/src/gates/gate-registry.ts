import type { Gate } from './gate.js';
import { gateActivityInResidence } from './gate-activity-in-residence.js';
import { gateAdmissionRoutes } from './gate-admission-routes.js';
import { gateAdmissionSeasonality } from './gate-admission-seasonality.js';
import { gateAlcDays } from './gate-alc-days.js';
import { gateAlcLos } from './gate-alc-los.js';
import { gateArrivalToAdmission } from './gate-arrival-to-admission.js';
import { gateCareSettings } from './gate-care-settings.js';
import { gateCensusWeekday } from './gate-census-weekday.js';
import { gateCohortBalance } from './gate-cohort-balance.js';
import { gateColumnShapes } from './gate-column-shapes.js';
import { gateCorrelationDrift } from './gate-correlation-drift.js';
import { gateCrossLha } from './gate-cross-lha.js';
import { gateDischargeDisposition } from './gate-discharge-disposition.js';
import { gateDischargeTime } from './gate-discharge-time.js';
import { gateDischargeTiming } from './gate-discharge-timing.js';
import { gateDobAgeGroup } from './gate-dob-age-group.js';
import { gateEdAcuityByAge } from './gate-ed-acuity-by-age.js';
import { gateEdCoverage } from './gate-ed-coverage.js';
import { gateEdDispositionByAcuity } from './gate-ed-disposition-by-acuity.js';
import { gateEdTransfersReceived } from './gate-ed-transfers-received.js';
import { gateEdVisitCount } from './gate-ed-visit-count.js';
import { gateEdVolumes } from './gate-ed-volumes.js';
import { gateElectiveTiming } from './gate-elective-timing.js';
import { gateEpisodeCoherence } from './gate-episode-coherence.js';
import { gateForeignKeys } from './gate-foreign-keys.js';
import { gateLinkedStays } from './gate-linked-stays.js';
import { gateLosMedians } from './gate-los-medians.js';
import { gateLosMinimum } from './gate-los-minimum.js';
import { gateManifest } from './gate-manifest.js';
import { gateMarginals } from './gate-marginals.js';
import { gateMaternalAges } from './gate-maternal-ages.js';
import { gateOccupancyBand } from './gate-occupancy-band.js';
import { gatePediatricEdAges } from './gate-pediatric-ed-ages.js';
import { gatePediatricShare } from './gate-pediatric-share.js';
import { gatePopulationProjection } from './gate-population-projection.js';
import { gatePrimaryKeys } from './gate-primary-keys.js';
import { gateProgramCoverage } from './gate-program-coverage.js';
import { gateQuasiIdentifiers } from './gate-quasi-identifiers.js';
import { gateReadmissions30Day } from './gate-readmissions-30-day.js';
import { gateSeasonality } from './gate-seasonality.js';
import { gateSingleYearAges } from './gate-single-year-ages.js';
import { gateSubprogramInProgram } from './gate-subprogram-in-program.js';
import { gateTransfersGapAndProgram } from './gate-transfers-gap-and-program.js';
import { gateYearlyVolumes } from './gate-yearly-volumes.js';

/** Every gate `validate` runs, in report order: integrity, then fidelity. */
export const GATES: readonly Gate[] = [
  gateManifest,
  gatePrimaryKeys,
  gateForeignKeys,
  gateDobAgeGroup,
  gateLosMinimum,
  gateAlcLos,
  gateDischargeTime,
  gateSubprogramInProgram,
  gateProgramCoverage,
  gateEdCoverage,
  gateEdVisitCount,
  gateLinkedStays,
  gateCareSettings,
  gatePediatricEdAges,
  gateEpisodeCoherence,
  gateActivityInResidence,
  gateQuasiIdentifiers,
  gatePopulationProjection,
  gateMarginals,
  gateEdVolumes,
  gateYearlyVolumes,
  gateOccupancyBand,
  gateCohortBalance,
  gateLosMedians,
  gatePediatricShare,
  gateSingleYearAges,
  gateMaternalAges,
  gateEdAcuityByAge,
  gateEdDispositionByAcuity,
  gateEdTransfersReceived,
  gateAdmissionRoutes,
  gateAdmissionSeasonality,
  gateElectiveTiming,
  gateArrivalToAdmission,
  gateAlcDays,
  gateDischargeTiming,
  gateCensusWeekday,
  gateTransfersGapAndProgram,
  gateReadmissions30Day,
  gateDischargeDisposition,
  gateCrossLha,
  gateSeasonality,
  gateColumnShapes,
  gateCorrelationDrift,
];
