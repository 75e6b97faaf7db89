import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-temp-dir.js';
import { fixtureDataset } from '../testing/fixture-dataset.js';
import { fixtureRunMetadata } from '../testing/fixture-run-metadata.js';
import { buildManifest } from './build-manifest.js';
import { readManifest } from './read-manifest.js';

const tempDir = useTempDir();

const manifest = () =>
  buildManifest({
    run: fixtureRunMetadata(),
    format: 'parquet',
    partitionBy: [],
    duckdb: false,
    resources: fixtureDataset().map(({ table }) => ({
      table,
      path: `${table.name}.parquet`,
      bytes: 1,
      hash: `sha256:${'a'.repeat(64)}`,
      rows: 0,
    })),
  });

async function dirWith(text: string | null): Promise<string> {
  const dir = join(await tempDir(), 'dataset');
  await mkdir(dir);
  if (text !== null) await writeFile(join(dir, 'datapackage.json'), text);
  return dir;
}

describe('readManifest', () => {
  it('returns the manifest lm-synth wrote', async () => {
    const dir = await dirWith(JSON.stringify(manifest()));
    expect(await readManifest(dir)).toEqual(manifest());
  });

  it('reads a manifest written before datasets named their time zone', async () => {
    const old = manifest();
    expect(old.lm_synth.timeZone).toBe('America/Vancouver');
    delete old.lm_synth.timeZone;
    const dir = await dirWith(JSON.stringify(old));
    expect((await readManifest(dir)).lm_synth.timeZone).toBeUndefined();
  });

  it('reads a manifest written with an empty foreignKeys list, as earlier versions did', async () => {
    const old = manifest();
    for (const resource of old.resources) resource.schema.foreignKeys ??= [];
    const dir = await dirWith(JSON.stringify(old));
    const read = await readManifest(dir);
    expect(read.resources.map((r) => r.name)).toEqual(old.resources.map((r) => r.name));
    // What this version writes leaves the empty lists out.
    expect(manifest().resources.some((r) => r.schema.foreignKeys?.length === 0)).toBe(false);
  });

  it.each([
    [null, /has no datapackage\.json: not an lm-synth dataset/],
    ['{"profile": ', /is not valid JSON/],
    ['{"profile": "data-package"}', /is not an lm-synth manifest: profile/],
  ])('reports %s as an input error', async (text, message) => {
    const dir = await dirWith(text);
    await expect(readManifest(dir)).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(message),
    });
  });

  it.each(['../outside.parquet', '/etc/passwd', 'a/./b.parquet', 'a\\b.parquet', ''])(
    'refuses a resource path leaving the dataset directory: %j',
    async (path) => {
      const bad = manifest();
      bad.resources[0]!.path = path;
      const dir = await dirWith(JSON.stringify(bad));
      await expect(readManifest(dir)).rejects.toMatchObject({
        isInputError: true,
        message: expect.stringMatching(/resources\.0\.path/),
      });
    },
  );
});
