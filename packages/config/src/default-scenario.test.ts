import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { defaultScenarioFiles } from './default-scenario-files.js';
import { defaultScenarioPath } from './default-scenario-path.js';
import { AGE_GROUPS, ED_DISPOSITIONS, ED_SUBSERVICES } from './domains.js';
import { REPO_CONFIGS } from './test-scenario-dir.js';

const scenario = defaultScenario();
const [ADULT, PEDIATRIC, UCC] = [0, 1, 2];
const ADMITTED = ED_DISPOSITIONS.indexOf('Admitted');

/** Start-year population of each LHA x age group x gender cell. */
const cells = scenario.lhas.flatMap((lha) =>
  AGE_GROUPS.flatMap((_, age) =>
    lha.genderShares.map((genderShare, gender) => ({
      lha: lha.id - 1,
      age,
      gender,
      population: lha.basePopulation * lha.ageShares[age]! * genderShare,
    })),
  ),
);
const totalPopulation = cells.reduce((sum, cell) => sum + cell.population, 0);
const edRate = (cell: (typeof cells)[number], subservice: number) =>
  scenario.ed.ratesPer1000[cell.lha]![cell.age]![cell.gender]![subservice]!;
const perThousand = (count: number, population: number) => (1000 * count) / population;

function edVisitsPer1000(
  filter: (cell: (typeof cells)[number]) => boolean,
  subservices = [0, 1, 2],
) {
  const chosen = cells.filter(filter);
  const visits = chosen.reduce(
    (sum, cell) =>
      sum + subservices.reduce((s, sub) => s + (cell.population * edRate(cell, sub)) / 1000, 0),
    0,
  );
  return perThousand(
    visits,
    chosen.reduce((sum, cell) => sum + cell.population, 0),
  );
}

const admissionsPerYear = cells.reduce(
  (sum, cell) =>
    sum +
    cell.population * scenario.inpatient.admissionProbability[cell.age]!.reduce((a, p) => a + p, 0),
  0,
);

// Standard normal CDF (Abramowitz & Stegun 7.1.26), for E[max(LOS, threshold)] of ALC stays.
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf =
    1 -
    t *
      (0.254829592 +
        t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('default scenario', () => {
  it('ships the repository files unchanged (one source)', () => {
    const packaged = defaultScenarioPath();
    for (const name of ['lower_mainland_defaults.yaml', 'coverage_matrix.csv'])
      expect(readFileSync(join(dirname(packaged), name), 'utf8'), name).toBe(
        readFileSync(join(REPO_CONFIGS, name), 'utf8'),
      );
  });

  it('hands users the YAML with the schema comment pointing at the published schema', () => {
    const files = defaultScenarioFiles();
    const [first, ...rest] = files.scenarioYaml.split('\n');
    expect(first).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/@lm-synth\/config@\d+\.\d+\.\d+.*\/scenario\.schema\.json$/,
    );
    const original = readFileSync(join(REPO_CONFIGS, 'lower_mainland_defaults.yaml'), 'utf8');
    expect(rest.join('\n')).toBe(original.split('\n').slice(1).join('\n'));
    expect(files.coverageMatrixCsv).toBe(
      readFileSync(join(REPO_CONFIGS, 'coverage_matrix.csv'), 'utf8'),
    );
  });

  it('has the blueprint facilities, LHAs and their mapping, in order', () => {
    expect(scenario.sites.map((site) => `${site.id} ${site.code} ${site.name}`)).toEqual([
      '1 LM-SNW Snowberry General',
      '2 LM-BLH Blue Heron Medical',
      '3 LM-SLM Salmon Run Hospital',
      '4 LM-MSC Mossy Cedar Community',
      '5 LM-OTB Otter Bay Medical Centre',
      '6 LM-BRC Bear Creek Hospital',
      '7 LM-DFT Driftwood Regional',
      '8 LM-STG Stargazer Health Centre',
      '9 LM-SRC Sunrise Coast Hospital',
      '10 LM-GRS Grouse Ridge Medical',
      '11 LM-FGH Foggy Harbor Hospital',
      '12 LM-GPK Granite Peak Medical',
    ]);
    const siteCode = (id: number) => scenario.sites[id - 1]!.code;
    expect(
      Object.fromEntries(scenario.lhas.map((lha) => [lha.name, siteCode(lha.defaultSiteId)])),
    ).toEqual({
      Harborview: 'LM-FGH',
      Riverbend: 'LM-BRC',
      'North Shoreline': 'LM-GRS',
      'Cedar Heights': 'LM-MSC',
      'Lakeside Plains': 'LM-SNW',
      'Granite Hills': 'LM-GPK',
      'Sunset Promenade': 'LM-SRC',
      'Driftwood Inlet': 'LM-DFT',
      'Otter Cove': 'LM-OTB',
      'Blueberry Meadows': 'LM-BLH',
      'Silver Falls': 'LM-SLM',
      'Stargazer Valley': 'LM-STG',
    });
  });

  it('has the 16 blueprint programs with three subprograms each', () => {
    expect(scenario.programs.map((program) => program.name)).toEqual([
      'Medicine',
      'Inpatient MHSU',
      'MICY',
      'Critical Care',
      'Surgery / Periop',
      'Emergency',
      'Cardiac',
      'Renal',
      'Rehabilitation',
      'Primary Health Care',
      'Chronic Disease Mgmt',
      'Population & Public Health',
      'Palliative Care',
      'Trauma',
      'Specialized Community Services',
      'Pain Services',
    ]);
    for (const program of scenario.programs)
      expect(program.subprograms.map((sub) => [sub.programId, sub.id])).toEqual([
        [program.id, 1],
        [program.id, 2],
        [program.id, 3],
      ]);
    expect(scenario.programs[0]!.subprograms.map((sub) => sub.name)).toEqual([
      'General Medicine',
      'Hospitalist',
      'ACE (Acute Care for Elderly)',
    ]);
  });

  it('has a Canadian-looking population: two large LHAs, growth 0.6-2.0%, gender about 49/49/2', () => {
    const populations = scenario.lhas.map((lha) => lha.basePopulation).sort((a, b) => b - a);
    const median = (populations[5]! + populations[6]!) / 2;
    expect(populations[1]!).toBeGreaterThan(3 * median);
    expect(populations[2]!).toBeLessThan(2 * median);
    for (const lha of scenario.lhas) {
      expect(lha.annualGrowthPct).toBeGreaterThanOrEqual(0.6);
      expect(lha.annualGrowthPct).toBeLessThanOrEqual(2.0);
      const [female, male, other] = lha.genderShares;
      expect(Math.abs(female! - 0.49)).toBeLessThan(0.025);
      expect(Math.abs(male! - 0.49)).toBeLessThan(0.025);
      expect(Math.abs(other! - 0.02)).toBeLessThan(0.006);
    }
  });

  it('has ED use of 350-450 per 1,000, highest at 85+ and high at 0-4', () => {
    const overall = edVisitsPer1000(() => true);
    expect(overall).toBeGreaterThan(350);
    expect(overall).toBeLessThan(450);
    const byAge = AGE_GROUPS.map((_, age) => edVisitsPer1000((cell) => cell.age === age));
    expect(Math.max(...byAge)).toBe(byAge[AGE_GROUPS.indexOf('85+')]);
    for (const adult of ['5-14', '15-24', '25-44', '45-64'] as const)
      expect(byAge[0]).toBeGreaterThan(byAge[AGE_GROUPS.indexOf(adult)]!);
  });

  it('sends children to the Pediatric ED and adults from 25 to the Adult ED', () => {
    const under15 = (cell: (typeof cells)[number]) => cell.age <= 1;
    const from25 = (cell: (typeof cells)[number]) => cell.age >= 3;
    const pediatricShareUnder15 = edVisitsPer1000(under15, [PEDIATRIC]) / edVisitsPer1000(under15);
    expect(pediatricShareUnder15).toBeGreaterThan(
      scenario.validation.pediatricShareUnder15Min + 0.05,
    );
    expect(edVisitsPer1000(from25, [PEDIATRIC])).toBe(0);
    const adultShare = edVisitsPer1000(from25, [ADULT]) / edVisitsPer1000(from25);
    expect(adultShare).toBeGreaterThan(scenario.validation.adultEdShare25PlusMin);
    expect(edVisitsPer1000(from25, [UCC])).toBeGreaterThan(0);
  });

  it('has 70-90 hospitalisations per 1,000 and a mean LOS of 7-8 days', () => {
    expect(perThousand(admissionsPerYear, totalPopulation)).toBeGreaterThan(70);
    expect(perThousand(admissionsPerYear, totalPopulation)).toBeLessThan(90);
    const threshold = scenario.inpatient.alcLosThresholdDays;
    let stays = 0;
    let days = 0;
    for (const cell of cells)
      scenario.programs.forEach((program, p) => {
        const admitted = cell.population * scenario.inpatient.admissionProbability[cell.age]![p]!;
        const alc = scenario.inpatient.alcProbability[cell.age]![p]!;
        program.subprograms.forEach((_, s) => {
          const weight = admitted * scenario.inpatient.subprogramMix[cell.age]![p]![s]!;
          const { mu, sigma } = scenario.inpatient.los[p]![s]!;
          const mean = Math.exp(mu + (sigma * sigma) / 2);
          // An ALC stay lasts max(LOS, threshold): E = t*P(L<t) + E[L; L>=t].
          const z = (Math.log(threshold) - mu) / sigma;
          const alcMean = threshold * normalCdf(z) + mean * (1 - normalCdf(z - sigma));
          stays += weight;
          days += weight * ((1 - alc) * mean + alc * alcMean);
        });
      });
    expect(days / stays).toBeGreaterThan(7);
    expect(days / stays).toBeLessThan(8);
  });

  it('gives Medicine the long tail and Critical Care the highest variance', () => {
    const sigmas = (key: string) =>
      scenario.inpatient.los[scenario.programs.findIndex((p) => p.key === key)]!.map(
        (l) => l.sigma,
      );
    const maxSigma = Math.max(...scenario.inpatient.los.flat().map((l) => l.sigma));
    expect(Math.max(...sigmas('critical_care'))).toBe(maxSigma);
    expect(Math.min(...sigmas('medicine'))).toBeGreaterThan(Math.max(...sigmas('surgery')));
  });

  it('concentrates ALC in Medicine and Palliative Care from 75', () => {
    const ranked = scenario.inpatient.alcProbability
      .flatMap((byProgram, age) =>
        byProgram.map((p, program) => ({
          p,
          age: AGE_GROUPS[age],
          program: scenario.programs[program]!.key,
        })),
      )
      .sort((a, b) => b.p - a.p)
      .slice(0, 4);
    for (const top of ranked) {
      expect(['75-84', '85+']).toContain(top.age);
      expect(['medicine', 'palliative']).toContain(top.program);
    }
  });

  it('admits from the ED about as many people as the admissions expect', () => {
    // ED visits ending "Admitted" vs the admissions whose route is the ED.
    let edAdmitted = 0;
    for (const cell of cells)
      ED_SUBSERVICES.forEach((_, sub) => {
        edAdmitted +=
          ((cell.population * edRate(cell, sub)) / 1000) *
          scenario.ed.disposition[cell.age]![sub]![ADMITTED]!;
      });
    const edShare = (age: number, program: number) => {
      const subprograms = scenario.programs[program]!.subprograms;
      let weight = 0;
      let viaEd = 0;
      subprograms.forEach((subprogram, sp) => {
        if (subprogram.setting === 'ambulatory') return;
        const mix = scenario.inpatient.subprogramMix[age]![program]![sp]!;
        weight += mix;
        viaEd += mix * scenario.inpatient.admissionRoutes[program]![sp]![0]!;
      });
      return weight > 0 ? viaEd / weight : 0;
    };
    const expected = cells.reduce(
      (sum, cell) =>
        sum +
        cell.population *
          scenario.inpatient.admissionProbability[cell.age]!.reduce(
            (a, p, program) => a + p * edShare(cell.age, program),
            0,
          ),
      0,
    );
    expect(Math.abs(edAdmitted / expected - 1)).toBeLessThan(0.15);
    let adultVisits = 0;
    let adultAdmitted = 0;
    for (const cell of cells) {
      const visits = (cell.population * edRate(cell, ADULT)) / 1000;
      adultVisits += visits;
      adultAdmitted += visits * scenario.ed.disposition[cell.age]![ADULT]![ADMITTED]!;
    }
    expect(adultAdmitted / adultVisits).toBeGreaterThan(0.1);
    expect(adultAdmitted / adultVisits).toBeLessThan(0.16);
  });

  it('offers the Pediatric ED at a few sites and the Adult ED everywhere', () => {
    const pediatricSites = scenario.coverage.ed.filter((site) => site[PEDIATRIC]).length;
    expect(pediatricSites).toBeGreaterThanOrEqual(2);
    expect(pediatricSites).toBeLessThan(scenario.sites.length);
    expect(scenario.coverage.ed.every((site) => site[ADULT])).toBe(true);
  });
});
