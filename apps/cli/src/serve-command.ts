import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { DataSource } from '@lm-synth/api';
import { Command, Option, UsageError } from 'clipanion';
import * as t from 'typanion';
import { configFilesOption } from './config-load-scenario.js';
import { datasetScenario } from './dataset-scenario.js';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const isPort = t.cascade(t.isNumber(), [t.isInteger(), t.isInInclusiveRange(0, 65_535)]);

export class ServeCommand extends LmSynthCommand {
  static override paths = [['serve']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'serve a dataset over a read-only REST API',
    details: `
      Serves the dataset in \`--in\` (default ./out) read-only through an in-memory DuckDB, or with \`--mysql URL\` a database loaded by \`lm-synth load\` (the password comes from \`LM_SYNTH_MYSQL_PASSWORD\`, \`MYSQL_PWD\` or \`~/.my.cnf\`, never from the command line).

      Endpoints: \`GET /\` (service information and endpoint directory), \`/health\`, \`/report\` (the HTML quality report of \`lm-synth report\`, which needs the dataset directory), \`/docs\` (Swagger UI), \`/redoc\` (ReDoc), \`/openapi.json\` (OpenAPI 3.1), and under \`/api/v1\`: dimensions, population projections and ED rates, patients, ED encounters, inpatient stays, daily capacity, the validation report (\`/validation/summary\`, which needs the dataset directory and holds it against the scenario it was generated from, its \`scenario.yaml\`, unless \`--config\` names another) and the blueprint's ED projection (\`/projections/ed?year=\`). Listings take \`page\` and \`size\` (1-1000, default 50), filters and \`sort\`; invalid parameters get a 400 problem+json naming them.

      On loopback the server answers only requests addressed to localhost, *.localhost, 127.0.0.1 or ::1 (the Host header), so a web page cannot reach it by re-pointing its own domain at this machine (DNS rebinding); \`--allowed-host NAME\` (repeatable) admits another name, e.g. that of a local reverse proxy. Every answer carries \`X-Content-Type-Options: nosniff\`, the documentation pages a Content-Security-Policy, and every error, even a malformed or oversized request, is problem+json.

      The server listens on loopback (127.0.0.1) unless \`--host\` says otherwise, logs each request as a JSON line on stderr, and stops gracefully on SIGINT or SIGTERM (Ctrl-C), finishing the requests in flight. All data is synthetic, for non-production testing.
    `,
    examples: [
      ['Serve ./out on http://127.0.0.1:8000', '$0 serve --in ./out'],
      [
        'Another port, reachable from the network',
        '$0 serve --in ./out --host 0.0.0.0 --port 8080',
      ],
      [
        'Behind a reverse proxy on this machine that forwards api.example.test',
        '$0 serve --in ./out --allowed-host api.example.test',
      ],
      [
        'Serve a database loaded by lm-synth load',
        'LM_SYNTH_MYSQL_PASSWORD=... $0 serve --mysql mysql://reader@127.0.0.1:3306/lm_synth',
      ],
    ],
  });

  input = Option.String('--in', {
    description:
      'Dataset directory (default ./out); with --mysql, only read for the validation summary',
  });
  mysql = Option.String('--mysql', {
    description: 'Serve this database instead: mysql://user@host:3306/database, no password here',
  });
  host = Option.String('--host', '127.0.0.1', {
    description: 'Address to listen on (default 127.0.0.1: this machine only)',
  });
  allowedHosts = Option.Array('--allowed-host', [], {
    description:
      'A host name browsers may use to reach a loopback server besides localhost and 127.0.0.1 (e.g. behind a local proxy); repeatable',
  });
  port = Option.String('--port', '8000', {
    description: 'Port to listen on (default 8000; 0 picks a free one)',
    validator: isPort,
  });
  configs = configFilesOption();

  async run(): Promise<number> {
    const { stdout, stderr } = this.context;
    for (const name of this.allowedHosts) {
      // The Host header's name is compared without its port, so a port here would never match.
      if (!HOST_NAME.test(name)) {
        throw new UsageError(
          `--allowed-host takes a host name such as api.example.test, without scheme or port (got "${name}")`,
        );
      }
    }
    const dir = this.input ?? (this.mysql === undefined ? './out' : undefined);
    const scenario =
      dir === undefined ? undefined : await datasetScenario(dir, this.configs, stderr);
    if (dir !== undefined && !scenario) return ExitCode.Usage;
    const source = await this.openSource(dir);
    const { createApiServer } = await import('@lm-synth/api');
    const app = await createApiServer({
      source,
      ...(dir !== undefined && scenario ? { validation: { dir: resolve(dir), scenario } } : {}),
      logger: { level: 'info', stream: stderr },
      allowedHosts: this.allowedHosts,
    });
    try {
      await app.listen({ host: this.host, port: Number(this.port) });
    } catch (error) {
      await app.close();
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UsageError(`cannot listen on ${this.host} port ${this.port}: ${code}`);
      }
      throw error;
    }
    const { port } = app.server.address() as AddressInfo;
    const origin = `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${port}`;
    if (!LOOPBACK.has(this.host)) {
      stderr.write(
        `${this.cli.binaryName}: listening on ${this.host}, not only this machine: anyone who can reach it can read the dataset\n`,
      );
    }
    stdout.write(
      `Serving ${source.location} (${source.kind}) at ${origin}\n` +
        `Docs: ${origin}/docs, ${origin}/redoc; OpenAPI: ${origin}/openapi.json\n` +
        (dir === undefined ? '' : `Quality report: ${origin}/report\n`) +
        'Synthetic data, for non-production testing. Ctrl-C stops.\n',
    );
    const signal = await nextSignal();
    app.log.info({ signal }, 'shutting down');
    await app.close();
    return ExitCode.Ok;
  }

  private async openSource(dir: string | undefined): Promise<DataSource> {
    const { openDuckdbSource, openMysqlSource } = await import('@lm-synth/api');
    if (this.mysql === undefined) return openDuckdbSource(resolve(dir!));
    const [{ readManifest }, { parseMysqlUrl, resolvePassword }] = await Promise.all([
      import('@lm-synth/export-arrow'),
      import('@lm-synth/mysql-sink'),
    ]);
    // Refuses a password in the URL: argv is visible to every user of the machine.
    parseMysqlUrl(this.mysql, { passwordAllowed: false });
    // The directory only feeds the validation summary; check it now rather than on the first request.
    if (dir !== undefined) await readManifest(resolve(dir));
    const { password } = await resolvePassword({
      env: this.context.env,
      warn: (message) => this.context.stderr.write(`${message}\n`),
    });
    return openMysqlSource({ url: this.mysql, ...(password === undefined ? {} : { password }) });
  }
}

/** Resolves with the first SIGINT or SIGTERM, and stops listening for both. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
