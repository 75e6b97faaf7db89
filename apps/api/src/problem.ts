import { z } from 'zod';

/** The media type of problem details (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export const invalidParameterSchema = z.object({
  name: z.string().describe('The query parameter.'),
  reason: z.string().describe('What is wrong with it.'),
});

/** RFC 9457 problem details, with the invalid query parameters of a 400. */
export const problemSchema = z
  .object({
    type: z.string().describe('URI naming the kind of problem.'),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().describe('The request path and query.'),
    invalid_params: z.array(invalidParameterSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'Problem details (RFC 9457).' });

export type Problem = z.infer<typeof problemSchema>;

/** The OpenAPI response of a problem, served as application/problem+json. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } } };
}

/** Thrown by handlers; the error handler answers with its problem details. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string,
    readonly invalidParams?: readonly z.infer<typeof invalidParameterSchema>[],
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export const PROBLEM_TYPES = {
  invalidParameters: 'urn:lm-synth:problem:invalid-parameters',
  notFound: 'urn:lm-synth:problem:not-found',
  unavailable: 'urn:lm-synth:problem:unavailable',
  hostNotAllowed: 'urn:lm-synth:problem:host-not-allowed',
} as const;
