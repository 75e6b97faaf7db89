import { carryAcross } from './carry-across.js';
import { readManifest } from './manifest/read-manifest.js';
import { removeWrittenFiles } from './remove-written-files.js';

/**
 * Disposes of a replaced dataset, moved aside to `old`, once its successor is
 * in `target`: removes what its manifest says lm-synth wrote and carries
 * anything else (a file saved into it in the instant before the swap) across
 * into `target`, where the user will find it. Never deletes a foreign file,
 * so an old directory without a readable manifest is carried across whole.
 */
export async function retireOldDataset(old: string, target: string): Promise<void> {
  const manifest = await readManifest(old).catch(() => null);
  if (manifest) await removeWrittenFiles(old, manifest);
  await carryAcross(old, target);
}
