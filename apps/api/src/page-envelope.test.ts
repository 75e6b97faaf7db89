import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageEnvelope } from './page-envelope.js';

const pageOf = (link: string | null) =>
  link === null ? null : Number(new URLSearchParams(link.split('?')[1]).get('page'));

describe('pageEnvelope', () => {
  it('keeps the query as sent and sets page and size in every link', () => {
    const { links } = pageEnvelope('/api/v1/patients?gender=Female&page=2', [], 2, 50, 120);
    expect(links).toEqual({
      self: '/api/v1/patients?gender=Female&page=2&size=50',
      first: '/api/v1/patients?gender=Female&page=1&size=50',
      last: '/api/v1/patients?gender=Female&page=3&size=50',
      next: '/api/v1/patients?gender=Female&page=3&size=50',
      previous: '/api/v1/patients?gender=Female&page=1&size=50',
    });
  });

  it('links pages so that following next from the first visits every page once', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 1000 }), (total, size) => {
        const pages = Math.ceil(total / size);
        const visited: number[] = [];
        for (let page: number | null = 1; page !== null; ) {
          visited.push(page);
          const envelope = pageEnvelope('/x', [], page, size, total);
          expect(envelope.pages).toBe(pages);
          expect(pageOf(envelope.links.previous)).toBe(page === 1 ? null : page - 1);
          page = pageOf(envelope.links.next);
        }
        expect(visited).toEqual(Array.from({ length: Math.max(pages, 1) }, (_, i) => i + 1));
      }),
    );
  });

  it('points a page beyond the end back at the last page', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(100),
        (total, size, beyond) => {
          const last = Math.max(Math.ceil(total / size), 1);
          const envelope = pageEnvelope('/x', [], last + 1 + beyond, size, total);
          expect(envelope.links.next).toBeNull();
          expect(pageOf(envelope.links.previous)).toBe(last);
          expect(pageOf(envelope.links.last)).toBe(last);
        },
      ),
    );
  });
});
