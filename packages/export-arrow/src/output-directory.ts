import { access, constants, lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExportInputError } from './export-input-error.js';
import { foreignEntries } from './foreign-entries.js';
import { readManifest } from './manifest/read-manifest.js';
import { recoverLeftovers } from './recover-leftovers.js';
import { retireOldDataset } from './retire-old-dataset.js';
import { syncPath } from './sync-path.js';

/**
 * The atomic-output contract: a dataset is written into a temporary directory
 * beside the target, `.<name>.lm-synth-tmp-<pid>`, and renamed into place when
 * complete. Replacing an old dataset renames it to `.<name>.lm-synth-old-<pid>`
 * first and retires it last. Whatever moment the process dies at, the target
 * holds the previous complete dataset or nothing; the next run deletes dead
 * processes' temporary directories and, if the target is missing, puts a
 * stranded previous dataset back.
 *
 * Nothing lm-synth did not write is ever deleted: foreign entries in the
 * target are refused when the run starts and again at commit (they may have
 * been saved there while the run was going), and the old dataset is removed
 * file by file from its manifest, anything else carried across.
 */
export class OutputDirectory {
  private constructor(
    /** Absolute path of the dataset directory to create or replace. */
    readonly target: string,
    /** Where the dataset is written before the rename. */
    readonly staging: string,
    private readonly replaces: 'nothing' | 'empty' | 'dataset',
  ) {}

  /**
   * Checks that the target can be written (throwing ExportInputError before
   * anything is written), tidies leftovers of dead runs, creates the temporary directory.
   */
  static async prepare(outDir: string, force: boolean): Promise<OutputDirectory> {
    const target = resolve(outDir);
    const parent = dirname(target);
    const name = basename(target);
    if (parent === target) throw new ExportInputError(`Cannot write a dataset to ${target}`);
    try {
      await mkdir(parent, { recursive: true });
      await access(parent, constants.W_OK);
    } catch (error) {
      throw new ExportInputError(`Cannot write into ${parent}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    await recoverLeftovers(parent, name, target);
    const replaces = await checkTarget(target, force);
    const staging = join(parent, `.${name}.lm-synth-tmp-${process.pid}`);
    // Writable by permissions is not enough (read-only mounts, /proc): try it.
    try {
      await mkdir(staging);
    } catch (error) {
      throw new ExportInputError(`Cannot write into ${parent}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return new OutputDirectory(target, staging, replaces);
  }

  /**
   * Flushes the temporary directory and renames it into place, replacing the
   * old dataset. Throws ExportInputError, leaving the target as it is, when
   * the target received entries lm-synth did not write during the run.
   */
  async commit(): Promise<void> {
    await syncPath(this.staging);
    const parent = dirname(this.target);
    if (this.replaces === 'dataset') {
      await refuseForeign(this.target);
      const old = join(parent, `.${basename(this.target)}.lm-synth-old-${process.pid}`);
      await rename(this.target, old);
      try {
        await rename(this.staging, this.target);
      } catch (error) {
        // Something took the name in the instant between the renames: put the old dataset back.
        await rename(old, this.target).catch(() => undefined);
        throw await occupied(this.target, error);
      }
      await syncPath(parent);
      await retireOldDataset(old, this.target);
      return;
    }
    if (this.replaces === 'empty') {
      try {
        await rmdir(this.target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw await occupied(this.target, error);
        }
      }
    }
    try {
      // Over an empty directory (made meanwhile) this succeeds; over anything else it fails.
      await rename(this.staging, this.target);
    } catch (error) {
      throw await occupied(this.target, error);
    }
    await syncPath(parent);
  }

  /** Removes the temporary directory after a failure. */
  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

async function checkTarget(
  target: string,
  force: boolean,
): Promise<'nothing' | 'empty' | 'dataset'> {
  let isDirectory: boolean;
  try {
    isDirectory = (await lstat(target)).isDirectory();
  } catch {
    return 'nothing';
  }
  if (!isDirectory) throw new ExportInputError(`${target} exists and is not a directory`);
  if ((await readdir(target)).length === 0) return 'empty';
  if (!force) {
    throw new ExportInputError(
      `${target} is not empty; pass { force: true } to replace a previous lm-synth output`,
    );
  }
  let manifest: Awaited<ReturnType<typeof readManifest>>;
  try {
    manifest = await readManifest(target);
  } catch (error) {
    throw new ExportInputError(
      `{ force: true } replaces only a previous lm-synth output, and ${target} is not one (${(error as Error).message})`,
      { cause: error },
    );
  }
  const foreign = await foreignEntries(target, manifest);
  if (foreign.length > 0) {
    throw new ExportInputError(
      `${target} holds files lm-synth did not write (${listed(foreign)}); move them away before replacing the dataset`,
    );
  }
  return 'dataset';
}

/** The commit-time check: files saved into the old dataset while the run was going. */
async function refuseForeign(target: string): Promise<void> {
  let foreign: string[];
  try {
    foreign = await foreignEntries(target, await readManifest(target));
  } catch (error) {
    throw new ExportInputError(
      `${target} changed during the run and is no longer an lm-synth dataset (${(error as Error).message}); it was not replaced`,
      { cause: error },
    );
  }
  if (foreign.length > 0) {
    throw new ExportInputError(
      `${target} received files lm-synth did not write during the run (${listed(foreign)}); the dataset was not replaced: move them away and run again`,
    );
  }
}

/** The error for a target that something else filled while the run was going. */
async function occupied(target: string, cause: unknown): Promise<Error> {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') {
    return cause as Error;
  }
  const entries = await readdir(target).catch(() => null);
  if (entries === null) {
    return new ExportInputError(`${target} appeared during the run and is not a directory`, {
      cause,
    });
  }
  return new ExportInputError(
    `${target} received files lm-synth did not write during the run (${listed(entries.sort())}); nothing was written there: move them away and run again`,
    { cause },
  );
}

function listed(paths: readonly string[]): string {
  return paths.slice(0, 5).join(', ') + (paths.length > 5 ? ', ...' : '');
}
