import type { AddressInfo } from 'node:net';
import type { ApiApp } from './api-app.js';
import { type ApiServerOptions, createApiServer } from './create-api-server.js';

export interface TestResponse {
  readonly status: number;
  readonly contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, whose shape the assertions reading it check.
  readonly body: any;
}

export interface TestServer {
  readonly app: ApiApp;
  /** http://127.0.0.1:<ephemeral port> */
  readonly origin: string;
  /** A real HTTP GET of `path` (with its query); the body parsed as JSON when it is JSON. */
  get(path: string): Promise<TestResponse>;
  close(): Promise<void>;
}

/** The API listening on an ephemeral loopback port. */
export async function startTestServer(options: ApiServerOptions): Promise<TestServer> {
  const app = await createApiServer(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    app,
    origin,
    async get(path) {
      const response = await fetch(`${origin}${path}`);
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return {
        status: response.status,
        contentType,
        body: contentType.includes('json') ? JSON.parse(text) : text,
      };
    },
    close: () => app.close(),
  };
}
