import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ApiApp } from './api-app.js';
import type { DataSource } from './data-source.js';
import { loadDatasetDomains } from './dataset-domains.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES } from './problem.js';
import { problemErrorHandler } from './problem-error-handler.js';
import { registerDocs } from './register-docs.js';
import { registerProjectionRoute } from './register-projection-route.js';
import { type EndpointEntry, registerServiceRoutes } from './register-service-routes.js';
import { registerTableRoute } from './register-table-route.js';
import { registerValidationRoute, type ValidationTarget } from './register-validation-route.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';

export interface ApiServerOptions {
  /** The data to serve; the server owns it from now on and closes it with itself. */
  readonly source: DataSource;
  /** The dataset directory and scenario behind GET /api/v1/validation/summary. */
  readonly validation?: ValidationTarget;
  /** Fastify's (pino) logger: false (the default) or options such as `{ level: 'info', stream }`. */
  readonly logger?: FastifyServerOptions['logger'];
}

/**
 * The lm-synth REST API as a ready Fastify instance, not yet listening: call
 * `listen({ host, port })`, and `close()` to stop it and close the source.
 * Query schemas are built from the catalogue and the dataset's own ids, codes
 * and years, so the OpenAPI document names the values a client may send.
 */
export async function createApiServer(options: ApiServerOptions): Promise<ApiApp> {
  const { source } = options;
  try {
    const domains = await loadDatasetDomains(source);
    const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(problemErrorHandler);
    app.setNotFoundHandler((request, reply) =>
      reply
        .code(404)
        .type(PROBLEM_MEDIA_TYPE)
        .send({
          type: PROBLEM_TYPES.notFound,
          title: 'Not Found',
          status: 404,
          detail: `No route ${request.method} ${request.url.split('?')[0]}; GET / lists the endpoints.`,
          instance: request.url,
        }),
    );
    // Keep-alive clients would hold a closing server open until their idle timeout (72 s):
    // responses sent while closing end their connection.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
    app.addHook('onClose', () => source.close());
    const endpoints: EndpointEntry[] = [];
    app.addHook('onRoute', (route) => {
      const schema = route.schema as { summary?: string; hide?: boolean } | undefined;
      if (route.method === 'GET' && schema?.summary && !schema.hide) {
        endpoints.push({ method: 'GET', path: route.url, summary: schema.summary });
      }
    });
    await registerDocs(app);
    registerServiceRoutes(app, source, endpoints);
    for (const endpoint of TABLE_ENDPOINTS) {
      registerTableRoute(app, source, domains, endpoint);
    }
    registerProjectionRoute(app, source, domains);
    registerValidationRoute(app, options.validation);
    await app.ready();
    return app;
  } catch (error) {
    await source.close();
    throw error;
  }
}
