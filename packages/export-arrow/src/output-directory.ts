import { access, constants, lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExportInputError } from './export-input-error.js';
import { foreignEntries } from './foreign-entries.js';
import { readManifest } from './manifest/read-manifest.js';
import { syncPath } from './sync-path.js';

/**
 * The atomic-output contract: a dataset is written into a temporary directory
 * beside the target, `.<name>.lm-synth-tmp-<pid>`, and renamed into place when
 * complete. Replacing an old dataset renames it to `.<name>.lm-synth-old-<pid>`
 * first and deletes it last. Whatever moment the process dies at, the target
 * holds the previous complete dataset or nothing; the next run deletes dead
 * processes' temporary directories and, if the target is missing, puts a
 * stranded previous dataset back.
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

  /** Flushes the temporary directory and renames it into place, replacing the old dataset. */
  async commit(): Promise<void> {
    await syncPath(this.staging);
    const parent = dirname(this.target);
    if (this.replaces === 'empty') await rmdir(this.target);
    if (this.replaces === 'dataset') {
      const old = join(parent, `.${basename(this.target)}.lm-synth-old-${process.pid}`);
      await rename(this.target, old);
      await rename(this.staging, this.target);
      await syncPath(parent);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(this.staging, this.target);
      await syncPath(parent);
    }
  }

  /** Removes the temporary directory after a failure. */
  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

const LEFTOVER = /^\.(.+)\.lm-synth-(tmp|old)-(\d+)$/;

async function recoverLeftovers(parent: string, name: string, target: string): Promise<void> {
  for (const entry of await readdir(parent)) {
    const match = LEFTOVER.exec(entry);
    if (!match || match[1] !== name) continue;
    const pid = Number(match[3]);
    // A live process other than this one is writing that directory right now.
    if (pid !== process.pid && isAlive(pid)) continue;
    const path = join(parent, entry);
    if (match[2] === 'old' && !(await exists(target))) await rename(path, target);
    else await rm(path, { recursive: true, force: true });
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
      `${target} is not empty; pass --force to replace a previous lm-synth output`,
    );
  }
  let manifest: Awaited<ReturnType<typeof readManifest>>;
  try {
    manifest = await readManifest(target);
  } catch (error) {
    throw new ExportInputError(
      `--force replaces only a previous lm-synth output, and ${target} is not one (${(error as Error).message})`,
      { cause: error },
    );
  }
  const foreign = await foreignEntries(target, manifest);
  if (foreign.length > 0) {
    const listed = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ', ...' : '');
    throw new ExportInputError(
      `${target} holds files lm-synth did not write (${listed}); move them away before replacing the dataset`,
    );
  }
  return 'dataset';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
