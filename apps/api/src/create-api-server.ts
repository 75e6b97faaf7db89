import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ApiApp } from './api-app.js';
import { badUrlHandler } from './bad-url-handler.js';
import { clientErrorHandler } from './client-error-handler.js';
import { clipText } from './clip-text.js';
import type { DataSource } from './data-source.js';
import { loadDatasetDomains } from './dataset-domains.js';
import { isAllowedHost } from './is-allowed-host.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES, ProblemError } from './problem.js';
import { problemErrorHandler } from './problem-error-handler.js';
import { registerDocs } from './register-docs.js';
import { registerProjectionRoute } from './register-projection-route.js';
import { registerReportRoute } from './register-report-route.js';
import { type EndpointEntry, registerServiceRoutes } from './register-service-routes.js';
import { registerTableRoute } from './register-table-route.js';
import { registerValidationRoute, type ValidationTarget } from './register-validation-route.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';

export interface ApiServerOptions {
  /** The data to serve; the server owns it from now on and closes it with itself. */
  readonly source: DataSource;
  /** The dataset directory and scenario behind GET /api/v1/validation/summary and GET /report. */
  readonly validation?: ValidationTarget;
  /** Fastify's (pino) logger: false (the default) or options such as `{ level: 'info', stream }`. */
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Host names (besides localhost, *.localhost, 127.0.0.0/8 and ::1) that
   * requests arriving on a loopback address may name in their Host header,
   * e.g. the name a local reverse proxy forwards. Others get a 403: that
   * refuses DNS-rebinding pages. Requests on other addresses are not checked.
   */
  readonly allowedHosts?: readonly string[];
}

// Paths and hosts in 404 and 403 details are cut to this length.
const MAX_ECHO = 256;

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
    const app = Fastify({
      logger: options.logger ?? false,
      clientErrorHandler,
      frameworkErrors: badUrlHandler,
    }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(problemErrorHandler);
    const allowedHosts = new Set(options.allowedHosts?.map((host) => host.toLowerCase()));
    app.addHook('onRequest', async (request) => {
      const { host } = request.headers;
      if (!isAllowedHost(request.socket.localAddress, host, allowedHosts)) {
        throw new ProblemError(
          403,
          'Forbidden',
          `This server answers on loopback to localhost and 127.0.0.1, not to the host "${clipText(String(host ?? ''), MAX_ECHO)}"; allow it with allowedHosts (lm-synth serve --allowed-host).`,
          PROBLEM_TYPES.hostNotAllowed,
        );
      }
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .code(404)
        .type(PROBLEM_MEDIA_TYPE)
        .send({
          type: PROBLEM_TYPES.notFound,
          title: 'Not Found',
          status: 404,
          detail: `No route ${request.method} ${clipText(request.url.split('?')[0] ?? '', MAX_ECHO)}; GET / lists the endpoints.`,
          instance: clipText(request.url, MAX_ECHO * 2),
        }),
    );
    // Keep-alive clients would hold a closing server open until their idle timeout (72 s):
    // responses sent while closing end their connection.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply) => {
      // Every answer says what it is: a browser must not guess a problem or a CSV is HTML.
      reply.header('x-content-type-options', 'nosniff');
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
    registerReportRoute(app, options.validation);
    await app.ready();
    return app;
  } catch (error) {
    await source.close();
    throw error;
  }
}
