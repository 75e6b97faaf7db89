import { PROBLEM_MEDIA_TYPE } from './problem.js';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document as @fastify/swagger builds it.
type OpenApiDocument = Record<string, any>;

/** The bounds zod writes for every safe integer: noise in the docs (ReDoc shows ≥ -9007199254740991). */
const SENTINELS = new Map([
  ['minimum', Number.MIN_SAFE_INTEGER],
  ['maximum', Number.MAX_SAFE_INTEGER],
]);

/**
 * What the route definitions do not say but a client generator and `redocly lint`
 * (recommended rules) need: the server (this one), explicitly open security, an
 * operationId per operation (list… for paginated listings, get… otherwise, from the
 * path), the 403 every route answers to a host that is not allowed, real descriptions
 * of successful responses, and no safe-integer sentinel bounds.
 */
export function finishOpenApiDocument<Document extends OpenApiDocument>(
  document: Document,
): Document {
  const paths: Record<string, Record<string, OpenApiDocument>> = document.paths ?? {};
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      operation.operationId ??= operationId(method, path, operation);
      const responses: Record<string, OpenApiDocument> = (operation.responses ??= {});
      for (const response of Object.values(responses)) {
        if (response.description === 'Default Response')
          response.description = `${operation.summary ?? path}.`;
      }
      responses['403'] ??= {
        description: 'The request named a host this server does not answer to (see allowedHosts).',
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  dropSentinels(document);
  return {
    ...document,
    // Relative: wherever the document is served from.
    servers: [{ url: '/', description: 'The server that serves this document' }],
    // Read-only synthetic data, no authentication: said explicitly.
    security: [],
  };
}

function operationId(method: string, path: string, operation: OpenApiDocument): string {
  const words = path
    .split('/')
    .filter((part) => part !== '' && part !== 'api' && !/^v\d+$/.test(part))
    .flatMap((part) => part.split('-'))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  const paginated = (operation.parameters ?? []).some(
    (parameter: { name?: string }) => parameter.name === 'page',
  );
  const verb = method === 'get' ? (paginated ? 'list' : 'get') : method;
  return `${verb}${words.length > 0 ? words.join('') : 'ServiceInfo'}`;
}

function dropSentinels(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropSentinels(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, sentinel] of SENTINELS) if (record[key] === sentinel) delete record[key];
  for (const item of Object.values(record)) dropSentinels(item);
}
