import { standardNormalCdf, standardNormalQuantile } from '@lm-synth/stats';
import { localNewYear } from '../dataset/local-new-year.js';
import type { CheckResult } from '../report/validation-report.js';
import {
  DETECTABLE_DEVIATION,
  detectableOutcome,
  type UndetectableCheck,
} from './detectable-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

const POWER_Z = standardNormalQuantile(0.8);
/** Hundredths of a day above the threshold whose counts say what the threshold's should be. */
const NEIGHBOURS = 10;
/** ALC stays the bed-day share's standard error needs before it means anything. */
const MIN_ALC_FOR_SHARE = 30;

/**
 * ALC is acute days followed by ALC days (issue 15). Of the stays admitted from the start
 * year (warm-up stays are chosen for lasting), every ALC stay has alc_days > 0 and at most
 * its LOS, and no other stay has any (zero tolerance); no spike at the ALC threshold: the
 * count at exactly the threshold (0.01-day cells) at most the mean of the next ten cells
 * plus what a Poisson count allows (a clamp at the threshold would put a large share of ALC
 * stays there; the check exists to see 10% of them); the ALC share of bed-days
 * (sum alc_days / sum los_days, a ratio estimator's standard error) inside
 * alc.bed_day_share_band widened by z standard errors; and each ALC stay's ALC days follow
 * alc.days truncated to [max(0, threshold - acute days), max] given its acute days: the
 * probability integral transforms are uniform (one-sample Kolmogorov-Smirnov at the gate's
 * level). Inconclusive when the share's or the KS test's error exceeds a 10% deviation.
 */
export const gateAlcDays: Gate = {
  id: 'alc-days',
  category: 'fidelity',
  title: 'ALC days after acute days: no threshold spike, configured share of bed-days',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const ip = scenario.inpatient;
    const threshold = ip.alcLosThresholdDays;
    const stays = `FROM ip_stays WHERE epoch(admit_ts) >= ${start}`;
    const [row] = await sql.rows(`SELECT
        count(*) FILTER (WHERE alc_flag <> (alc_days > 0) OR alc_days > los_days OR alc_days < 0) AS inconsistent,
        count(*) FILTER (WHERE alc_flag) AS alc,
        count(*) FILTER (WHERE alc_flag AND los_days = ${threshold}) AS at_threshold,
        count(*) FILTER (WHERE alc_flag AND los_days > ${threshold}
          AND los_days <= ${threshold} + ${NEIGHBOURS / 100}) AS neighbours,
        count(*) AS n,
        sum(CAST(alc_days AS DOUBLE)) AS alc_days,
        sum(CAST(los_days AS DOUBLE)) AS los_days
      ${stays}`);
    const n = Number(row?.n ?? 0);
    const alc = Number(row?.alc ?? 0);
    const totalAlc = Number(row?.alc_days ?? 0);
    const totalLos = Number(row?.los_days ?? 0);
    const share = totalLos > 0 ? totalAlc / totalLos : 0;
    const [spread] = await sql.rows(
      `SELECT sum(power(CAST(alc_days AS DOUBLE) - ${share} * CAST(los_days AS DOUBLE), 2)) AS ss ${stays}`,
    );
    const { tail, z } = significance(4);
    const checks: CheckResult[] = [
      makeCheck(
        'stays with inconsistent alc_days',
        Number(row?.inconsistent ?? 0),
        0,
        0,
        'at-most',
      ),
    ];
    const undetectable: UndetectableCheck[] = [];
    // The threshold's cell against its neighbours' mean: Poisson, the mean's own error included.
    const mean = Number(row?.neighbours ?? 0) / NEIGHBOURS;
    const spikeSd = Math.sqrt(mean * (1 + 1 / NEIGHBOURS));
    checks.push(
      makeCheck(
        `ALC stays at exactly ${threshold} days`,
        Number(row?.at_threshold ?? 0),
        mean,
        z * spikeSd + 1,
        'at-most',
      ),
    );
    if (alc === 0 || (z + POWER_Z) * spikeSd + 1 > DETECTABLE_DEVIATION * alc) {
      undetectable.push({
        key: `threshold spike (${alc} ALC stays)`,
        scale: Number.POSITIVE_INFINITY,
      });
    }
    // ALC share of bed-days. The ratio estimator's standard error comes from the ALC stays
    // themselves, so with few of them it says nothing: below MIN_ALC_FOR_SHARE no verdict.
    const se = totalLos > 0 ? Math.sqrt(Number(spread?.ss ?? 0)) / totalLos : 0;
    const [low, high] = ip.alcBedDayShareBand;
    const centre = (low + high) / 2;
    if (alc >= MIN_ALC_FOR_SHARE) {
      checks.push(makeCheck('ALC share of bed-days', share, centre, (high - low) / 2 + z * se));
    }
    if (alc < MIN_ALC_FOR_SHARE || (z + POWER_Z) * se > DETECTABLE_DEVIATION * centre) {
      undetectable.push({
        key: `ALC share of bed-days (${n} stays, ${alc} ALC)`,
        scale: Number.POSITIVE_INFINITY,
      });
    }
    // ALC days given acute days: probability integral transforms against uniform.
    if (alc > 0) {
      const pairs = await sql.columns(`SELECT CAST(alc_days AS DOUBLE) AS alc,
          CAST(los_days - alc_days AS DOUBLE) AS acute ${stays} AND alc_flag AND alc_days > 0`);
      const { mu, sigma, max } = ip.alcDays;
      const cdf = (x: number) => (x <= 0 ? 0 : standardNormalCdf((Math.log(x) - mu) / sigma));
      const top = cdf(max);
      const transforms = pairs.alc!.map((value, i) => {
        const lower = cdf(Math.max(0, threshold - Number(pairs.acute![i])));
        const width = top - lower;
        return width > 0 ? Math.min(1, Math.max(0, (cdf(Number(value)) - lower) / width)) : 0.5;
      });
      transforms.sort((a, b) => a - b);
      let distance = 0;
      transforms.forEach((u, i) => {
        distance = Math.max(distance, (i + 1) / transforms.length - u, u - i / transforms.length);
      });
      // Kolmogorov's limit: P(D > lambda / sqrt(n)) ~ 2 exp(-2 lambda^2), one tail's worth.
      const critical = Math.sqrt(-Math.log(tail) / 2) / Math.sqrt(transforms.length);
      checks.push(
        makeCheck('ALC days given acute days (KS distance)', distance, 0, critical, 'at-most'),
      );
      if (critical + (POWER_Z * 0.5) / Math.sqrt(transforms.length) > DETECTABLE_DEVIATION) {
        undetectable.push({
          key: `ALC days distribution (${alc} ALC stays)`,
          scale: Number.POSITIVE_INFINITY,
        });
      }
    }
    return detectableOutcome(checks, undetectable, {
      z,
      what: 'ALC checks',
      extra: { alcStays: alc, alcBedDayShare: Math.round(share * 10000) / 10000 },
    });
  },
};
