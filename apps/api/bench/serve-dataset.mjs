// The API in its own process, so that the load generator does not share its event loop.
import { createApiServer, openDuckdbSource } from '../dist/index.js';

const app = await createApiServer({ source: await openDuckdbSource(process.argv[2]) });
await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: app.server.address().port });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
// The benchmark is gone (it failed or was killed): do not outlive it.
process.once('disconnect', stop);
