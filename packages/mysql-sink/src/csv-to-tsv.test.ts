import { tableByName } from '@lm-synth/dims';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvToTsv } from './csv-to-tsv.js';

const scenario = tableByName('dim_scenario');
const encounters = tableByName('ed_encounters');

/** Feeds `csv` in pieces of `piece` bytes and returns the text and rows. */
async function convert(table: typeof scenario, csv: string, piece = 1 << 16) {
  const converter = new CsvToTsv(table);
  const out: Buffer[] = [];
  converter.on('data', (chunk: Buffer) => out.push(chunk));
  const bytes = Buffer.from(csv, 'utf8');
  for (let i = 0; i < bytes.length; i += piece) converter.write(bytes.subarray(i, i + piece));
  converter.end();
  await new Promise<void>((resolve, reject) => {
    converter.on('end', resolve);
    converter.on('error', reject);
  });
  return { text: Buffer.concat(out).toString('utf8'), rows: converter.rows };
}

/** RFC 4180 quoting as export-arrow writes it: only when needed, and always for "". */
function csvField(value: string | null): string {
  if (value === null) return '';
  return value === '' || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function tsvField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(
    /[\\\t\n\r\0]/g,
    (c) => `\\${{ '\\': '\\', '\t': 't', '\n': 'n', '\r': 'r', '\0': '0' }[c]}`,
  );
}

describe('CsvToTsv', () => {
  it('drops the header, unquotes, escapes, and keeps NULL apart from the empty string', async () => {
    const csv = [
      'scenario_id,scenario_name,description,parameter_overrides,scenario_hash,time_zone',
      'a,"with, comma","two\nlines",,"",UTC',
      'b,"say ""hi""",back\\slash\ttab,{},x,America/Vancouver',
      '',
    ].join('\n');
    const { text, rows } = await convert(scenario, csv);
    expect(rows).toBe(2);
    expect(text).toBe(
      'a\twith, comma\ttwo\\nlines\t\\N\t\tUTC\nb\tsay "hi"\tback\\\\slash\\ttab\t{}\tx\tAmerica/Vancouver\n',
    );
  });

  it('rewrites whole-second UTC timestamps for DATETIME and refuses others', async () => {
    const header = 'encounter_id,patient_id,facility_id,ed_subservice,arrival_ts,acuity,dispo\n';
    const { text } = await convert(
      encounters,
      `${header}1,P1,2,Adult ED,2025-04-01T08:30:00Z,,Admitted\n`,
    );
    expect(text).toBe('1\tP1\t2\tAdult ED\t2025-04-01 08:30:00\t\\N\tAdmitted\n');
    // Cut anywhere, even with the timestamp in earlier pieces and empty fields after it.
    const row = '10000000122,P2,7,Pediatric ED,2025-05-03T15:55:31Z,,\n';
    const rows = `${row}${row}${row}`;
    for (let piece = 1; piece <= rows.length; piece++) {
      expect(
        (await convert(encounters, `${header}${rows}`, piece)).text,
        `pieces of ${piece}`,
      ).toBe('10000000122\tP2\t7\tPediatric ED\t2025-05-03 15:55:31\t\\N\t\\N\n'.repeat(3));
    }
    await expect(
      convert(encounters, `${header}1,P1,2,Adult ED,2025-04-01T08:30:00.500000Z,3,\n`),
    ).rejects.toThrow(/ed_encounters CSV row 1: a timestamp longer than/);
    await expect(
      convert(encounters, `${header}1,P1,2,Adult ED,2025-04-01 08:30:00,3,\n`),
    ).rejects.toThrow(/"2025-04-01 08:30:00" is not a whole-second UTC timestamp/);
  });

  it('refuses rows with the wrong number of fields or no final line end', async () => {
    const header = 'a,b,c,d,e,f\n';
    await expect(convert(scenario, `${header}1,2,3,4,5\n`)).rejects.toThrow(
      /row 1: 5 fields, expected 6/,
    );
    await expect(convert(scenario, `${header}1,2,3,4,5,6,7\n`)).rejects.toThrow(
      /more than 6 fields/,
    );
    await expect(convert(scenario, `${header}1,2,3,4,5,6`)).rejects.toThrow(/ends inside a row/);
  });

  it('turns any text, cut anywhere, into what LOAD DATA reads back as the same values', async () => {
    const value = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
    const width = scenario.columns.length;
    const header = scenario.columns.map((column) => column.name).join(',');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: width, maxLength: width }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 64 }),
        async (rows, piece) => {
          const csv = `${header}\n${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
          const expected = rows.map((row) => `${row.map(tsvField).join('\t')}\n`).join('');
          const { text, rows: count } = await convert(scenario, csv, piece);
          expect(text).toBe(expected);
          expect(count).toBe(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
