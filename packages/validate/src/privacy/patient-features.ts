import type { SqlSession } from '../dataset/sql-session.js';
import { PATIENT_FEATURES } from './patient-feature-names.js';

const { numeric: NUMERIC_FEATURES, categorical: CATEGORICAL_FEATURES } = PATIENT_FEATURES;

/** Patients as feature columns; categories are codes shared by every dataset read with one dictionary. */
export interface PatientFeatures {
  readonly count: number;
  /** dob in days since 1970-01-01, ed_visits_year. */
  readonly numeric: readonly Float64Array[];
  readonly categorical: readonly Int32Array[];
}

/**
 * Reads every patient's features in patient_id order; `dictionary` maps each categorical
 * value to its code and grows as new values appear, so two datasets share codes.
 */
export async function readPatientFeatures(
  sql: SqlSession,
  dictionary: Map<string, number>[],
): Promise<PatientFeatures> {
  const rows = await sql.rows(`SELECT date_diff('day', DATE '1970-01-01', dob) AS dob,
      ed_visits_year, ${CATEGORICAL_FEATURES.join(', ')}
    FROM patients ORDER BY patient_id`);
  const numeric = NUMERIC_FEATURES.map(() => new Float64Array(rows.length));
  const categorical = CATEGORICAL_FEATURES.map(() => new Int32Array(rows.length));
  rows.forEach((row, i) => {
    NUMERIC_FEATURES.forEach((name, f) => {
      numeric[f]![i] = Number(row[name] ?? 0);
    });
    CATEGORICAL_FEATURES.forEach((name, f) => {
      const codes = (dictionary[f] ??= new Map());
      const value = String(row[name]);
      let code = codes.get(value);
      if (code === undefined) {
        code = codes.size;
        codes.set(value, code);
      }
      categorical[f]![i] = code;
    });
  });
  return { count: rows.length, numeric, categorical };
}
