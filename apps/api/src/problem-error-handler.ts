import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clipText } from './clip-text.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES, type Problem, ProblemError } from './problem.js';

// A request target may be 16 KB and hold a thousand parameters: an answer echoing all of them
// would be a denial of service on whoever logs it. Real paths, names and mistakes fit these.
const MAX_INSTANCE = 512;
const MAX_NAME = 64;
const MAX_LISTED = 10;

function send(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_MEDIA_TYPE).send(problem);
}

/** The query parameters a route takes, to tell a client who sent an unknown one. */
function knownParameters(request: FastifyRequest): string[] {
  const schema = request.routeOptions.schema?.querystring;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Every error as RFC 9457 problem details: invalid query parameters as a 400
 * naming each one in `invalid_params`, handler problems as thrown, other
 * client errors with Fastify's message, and anything else as a 500 whose
 * cause goes to the log, not to the client.
 */
export function problemErrorHandler(
  error: FastifyError | ProblemError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const instance = clipText(request.url, MAX_INSTANCE);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const invalid = error.validation.flatMap((issue) => {
      const keys = issue.params.keys;
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        const known = knownParameters(request);
        return keys.map((name) => ({
          name: clipText(String(name), MAX_NAME),
          reason: `unknown query parameter${known.length > 0 ? `; this endpoint takes ${known.join(', ')}` : ''}`,
        }));
      }
      return [
        {
          name: clipText(issue.instancePath.split('/')[1] ?? '', MAX_NAME),
          reason: issue.message ?? 'is invalid',
        },
      ];
    });
    const names = [...new Set(invalid.map((entry) => entry.name))];
    const more = names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : '';
    return send(reply, {
      type: PROBLEM_TYPES.invalidParameters,
      title: 'Invalid query parameters',
      status: 400,
      detail: `Invalid query parameter${names.length === 1 ? '' : 's'}: ${names.slice(0, MAX_LISTED).join(', ')}${more}.`,
      instance,
      invalid_params: invalid.slice(0, MAX_LISTED),
    });
  }
  if (error instanceof ProblemError) {
    return send(reply, {
      type: error.type,
      title: error.title,
      status: error.status,
      detail: error.detail,
      instance,
      ...(error.invalidParams ? { invalid_params: [...error.invalidParams] } : {}),
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return send(reply, {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Client Error',
      status,
      detail: error.message,
      instance,
    });
  }
  request.log.error({ err: error }, 'request failed');
  return send(reply, {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'The server could not answer this request; its log has the cause.',
    instance,
  });
}
