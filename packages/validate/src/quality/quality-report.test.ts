import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { qualityReport } from './quality-report.js';

describe('qualityReport', () => {
  let a: FixtureDb;
  let b: FixtureDb;
  beforeAll(async () => {
    a = await fixtureDb();
    b = await fixtureDb();
  });
  afterAll(() => {
    a.close();
    b.close();
  });

  it('scores a dataset against an identical one 1 on every property, with per-column detail', async () => {
    const report = await qualityReport(a.sql, b.sql);
    expect(report.properties.map((property) => property.name)).toEqual([
      'Column Shapes',
      'Column Pair Trends',
      'Cardinality',
      'Intertable Trends',
    ]);
    for (const property of report.properties) {
      expect(property.details.length).toBeGreaterThan(0);
      expect(property.score).toBeCloseTo(1, 12);
    }
    const shapes = report.properties[0]!.details;
    expect(shapes.find((detail) => detail.name === 'patients.gender')?.metric).toBe('TVComplement');
    expect(shapes.find((detail) => detail.name === 'patients.dob')?.metric).toBe('KSComplement');
    expect(shapes.some((detail) => detail.name === 'patients.patient_id')).toBe(false);
    expect(report.score).toBeCloseTo(1, 12);
  });

  it('scores lower where a column differs: the changed column, its pairs and the overall', async () => {
    await b.exec(
      `UPDATE patients SET gender = CASE WHEN gender = 'Male' THEN 'Female' ELSE 'Male' END`,
    );
    const report = await qualityReport(a.sql, b.sql);
    const gender = report.properties[0]!.details.find(
      (detail) => detail.name === 'patients.gender',
    )!;
    expect(gender.score).toBeLessThan(1);
    expect(
      report.properties[0]!.details.find((detail) => detail.name === 'patients.dob')!.score,
    ).toBe(1);
    expect(report.score).toBeLessThan(1);
  });
});
