import { z } from 'zod';

const link = z.string().describe('Relative URL of the page, with the same filters.');

/** The JSON envelope of every listing: one page of rows, the total and links to other pages. */
export function pageSchema<Row extends z.ZodType>(row: Row) {
  return z.object({
    data: z.array(row),
    page: z.int().describe('This page, from 1.'),
    size: z.int().describe('Rows per page asked for.'),
    total: z.int().describe('Rows matching the filters, over all pages.'),
    pages: z.int().describe('Pages at this size: ceil(total / size).'),
    links: z.object({
      self: link,
      first: link,
      last: link,
      next: link.nullable().describe('The next page; null on the last page.'),
      previous: link.nullable().describe('The previous page; null on the first page.'),
    }),
  });
}

export interface PageEnvelope<Row> {
  data: Row[];
  page: number;
  size: number;
  total: number;
  pages: number;
  links: {
    self: string;
    first: string;
    last: string;
    next: string | null;
    previous: string | null;
  };
}

/**
 * Builds the envelope for `url` (path and query of the request): the links
 * keep every query parameter as the client sent it, with `page` and `size` set.
 * `previous` from a page beyond the end points at the last page.
 */
export function pageEnvelope<Row>(
  url: string,
  data: Row[],
  page: number,
  size: number,
  total: number,
): PageEnvelope<Row> {
  const [path = '', search = ''] = url.split('?', 2);
  const pages = Math.ceil(total / size);
  const to = (target: number) => {
    const params = new URLSearchParams(search);
    params.set('page', String(target));
    params.set('size', String(size));
    return `${path}?${params}`;
  };
  const last = Math.max(pages, 1);
  return {
    data,
    page,
    size,
    total,
    pages,
    links: {
      self: to(page),
      first: to(1),
      last: to(last),
      next: page < pages ? to(page + 1) : null,
      previous: page > 1 ? to(Math.min(page - 1, last)) : null,
    },
  };
}
