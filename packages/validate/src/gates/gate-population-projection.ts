import { AGE_GROUPS, GENDERS, projectPopulation } from '@lm-synth/config/core';
import { formatNumber } from '../report/format-number.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

const OLDER = AGE_GROUPS.indexOf('65-74');

/** The 65+ share of each year of cells flattened [year][cell], cell = [lha][age group][gender]. */
function shares65Plus(cells: ArrayLike<number>, years: number): number[] {
  const perYear = cells.length / years;
  return Array.from({ length: years }, (_, year) => {
    let older = 0;
    let total = 0;
    for (let cell = 0; cell < perYear; cell++) {
      const count = cells[year * perYear + cell]!;
      total += count;
      if (Math.floor(cell / GENDERS.length) % AGE_GROUPS.length >= OLDER) older += count;
    }
    return total > 0 ? older / total : 0;
  });
}

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

/**
 * population_projection is the scenario's cohort-component projection (projectPopulation,
 * deterministic, so cell by cell and exactly) over the dataset's projection years; each
 * LHA's yearly total follows its configured compound growth; and the 65+ share rises in
 * every year the scenario's rates make it rise. The last two follow from the first; they
 * are counted apart so a report says which property a defect breaks.
 */
export const gatePopulationProjection: Gate = {
  id: 'population-projection',
  category: 'integrity',
  title: "Population projection follows the scenario's cohort-component model",
  tables: ['population_projection'],
  statistical: false,
  async run({ sql, scenario, run }) {
    const years = run.horizonYears;
    const effective = {
      ...scenario,
      startYear: run.startYear,
      horizonYears: years,
      endYear: run.startYear + years - 1,
    };
    const expected = projectPopulation(effective).population;
    const cellsPerLha = AGE_GROUPS.length * GENDERS.length;
    const cellsPerYear = scenario.lhas.length * cellsPerLha;
    // Each expected cell's key as the table spells it, and its name for messages.
    const indexOf = new Map<string, number>();
    const labels = Array.from(expected, (_, i) => {
      const year = run.startYear + Math.floor(i / cellsPerYear);
      const lha = scenario.lhas[Math.floor((i % cellsPerYear) / cellsPerLha)]!;
      const age = AGE_GROUPS[Math.floor(i / GENDERS.length) % AGE_GROUPS.length]!;
      const gender = GENDERS[i % GENDERS.length]!;
      indexOf.set(`${year}|${lha.id}|${age}|${gender}`, i);
      return `${year} ${lha.name} ${age} ${gender}`;
    });

    const rows = await sql.columns(
      'SELECT year, lha_id, CAST(age_group AS VARCHAR) AS age_group, CAST(gender AS VARCHAR) AS gender, population FROM population_projection',
    );
    const observed = new Float64Array(expected.length);
    const seen = new Uint8Array(expected.length);
    const cellExamples: string[] = [];
    let cellViolations = 0;
    const population = rows.population ?? [];
    population.forEach((value, row) => {
      const key = `${rows.year?.[row]}|${rows.lha_id?.[row]}|${rows.age_group?.[row]}|${rows.gender?.[row]}`;
      const i = indexOf.get(key);
      if (i === undefined || seen[i] === 1) {
        cellViolations++;
        cellExamples.push(
          `row ${key.replaceAll('|', ' ')} is not a projection cell or repeats one`,
        );
        return;
      }
      seen[i] = 1;
      observed[i] = Number(value);
    });
    expected.forEach((count, i) => {
      if (seen[i] === 0) {
        cellViolations++;
        cellExamples.push(`${labels[i]}: missing, expected ${formatNumber(count)}`);
      } else if (observed[i] !== count) {
        cellViolations++;
        cellExamples.push(
          `${labels[i]}: ${formatNumber(observed[i]!)}, expected ${formatNumber(count)}`,
        );
      }
    });

    const totalExamples: string[] = [];
    scenario.lhas.forEach((lha, l) => {
      for (let year = 0; year < years; year++) {
        let total = 0;
        const offset = year * cellsPerYear + l * cellsPerLha;
        for (let cell = 0; cell < cellsPerLha; cell++) total += observed[offset + cell]!;
        const configured = Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** year);
        if (total !== configured)
          totalExamples.push(
            `${run.startYear + year} ${lha.name} total ${formatNumber(total)}, growth gives ${formatNumber(configured)}`,
          );
      }
    });

    const modelShares = shares65Plus(expected, years);
    const dataShares = shares65Plus(observed, years);
    const shareExamples: string[] = [];
    for (let year = 1; year < years; year++) {
      if (
        modelShares[year]! > modelShares[year - 1]! &&
        !(dataShares[year]! > dataShares[year - 1]!)
      ) {
        shareExamples.push(
          `65+ share ${run.startYear + year} ${percent(dataShares[year]!)} does not rise from ${percent(dataShares[year - 1]!)}`,
        );
      }
    }

    // The first of each kind of defect leads, so the message names what broke.
    const examples = [
      ...shareExamples.slice(0, 1),
      ...totalExamples.slice(0, 1),
      ...cellExamples,
    ].slice(0, 3);
    return violationsOutcome(cellViolations + totalExamples.length + shareExamples.length, {
      what: 'population_projection cells, LHA totals or years of 65+ share that depart from the cohort-component projection',
      examples,
      extra: {
        cells: cellViolations,
        lhaTotals: totalExamples.length,
        share65PlusSteps: shareExamples.length,
        share65Plus: dataShares.map((share) => Number(share.toFixed(6))),
      },
    });
  },
};
