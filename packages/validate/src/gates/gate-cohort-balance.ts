import { populationFlows } from '../expectations/population-flows.js';
import { cohortBalanceGate } from './cohort-balance-gate.js';

/** The cohort-balance gate over the scenario's cohort-component flows. */
export const gateCohortBalance = cohortBalanceGate(populationFlows);
