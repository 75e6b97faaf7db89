import type { SinkSession } from './sink-session.js';

/** `count` more connections like `main`, opened at once; if any fails, none is left open. */
export async function openSiblings(main: SinkSession, count: number): Promise<SinkSession[]> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => main.sibling()));
  const sessions = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failure = opened.find((o) => o.status === 'rejected');
  if (failure) {
    for (const session of sessions) session.destroy();
    throw failure.reason;
  }
  return sessions;
}
