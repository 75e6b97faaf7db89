import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { clipText } from './clip-text.js';
import { PROBLEM_MEDIA_TYPE } from './problem.js';

/** A path that does not decode (e.g. `/%zz`) is refused before routing: as problem details too. */
export function badUrlHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply
    .code(400)
    .type(PROBLEM_MEDIA_TYPE)
    .send({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: `${error.message}.`,
      instance: clipText(request.url, 512),
    });
}
