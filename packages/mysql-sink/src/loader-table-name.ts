/**
 * The loader's own tables beside a catalogue table: `<table>__lm_stage` holds
 * rows being loaded, `<table>__lm_old` the previous rows between the swap and
 * their drop. Any found at the start of a run are leftovers of a killed run.
 */
export function loaderTableName(table: string, kind: 'stage' | 'old'): string {
  return `${table}__lm_${kind}`;
}
