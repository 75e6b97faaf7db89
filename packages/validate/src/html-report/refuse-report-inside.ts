import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ValidateInputError } from '../validate-input-error.js';

/**
 * Refuses a report path inside a dataset being read: writing there would add to the
 * dataset's files and leave it failing its own manifest. Symlinks are resolved, the
 * report's (even a dangling one) too, as writing would follow them.
 */
export async function refuseReportInside(out: string, datasets: readonly string[]): Promise<void> {
  const report = await realTarget(resolve(out));
  for (const dir of datasets) {
    // A dataset that does not exist is reported when it is opened.
    const real = await realpath(resolve(dir)).catch(() => null);
    if (real === null) continue;
    const path = relative(real, report);
    if (path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path))) {
      throw new ValidateInputError(
        `--out ${out} is inside the dataset ${dir}; write the report elsewhere, so the dataset stays as generated`,
      );
    }
  }
}

async function realTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) break;
    current = resolve(dirname(current), await readlink(current));
  }
  const parent = await realpath(dirname(current)).catch(() => dirname(current));
  return join(parent, basename(current));
}
