import { AGE_GROUPS, ED_SUBSERVICES, GENDERS, type Scenario } from '@lm-synth/config/core';

/** ed_baseline_rates rows (LHA, age group, gender, subservice order): the scenario's rates per 1,000, to 2 decimals. */
export function edBaselineRatesColumns(scenario: Scenario) {
  const rows = scenario.lhas.length * AGE_GROUPS.length * GENDERS.length * ED_SUBSERVICES.length;
  const lhaId = new Int32Array(rows);
  const ageGroup = new Int8Array(rows);
  const gender = new Int8Array(rows);
  const subservice = new Int8Array(rows);
  const rate = new Float64Array(rows);
  let row = 0;
  scenario.ed.ratesPer1000.forEach((byAge, l) => {
    byAge.forEach((byGender, a) => {
      byGender.forEach((bySubservice, g) => {
        bySubservice.forEach((value, s) => {
          lhaId[row] = l + 1;
          ageGroup[row] = a;
          gender[row] = g;
          subservice[row] = s;
          rate[row] = Math.round(value * 100) / 100;
          row++;
        });
      });
    });
  });
  return {
    lha_id: lhaId,
    age_group: ageGroup,
    gender,
    ed_subservice: subservice,
    baserate_per_1000: rate,
  };
}
