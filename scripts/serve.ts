// npm start — the production server: Next's own request handler behind a plain Node HTTP
// server that passes on the TCP peer's address, which Next does not show route handlers.
// Without it a client's own X-Forwarded-For would be the only address there is to go by.
// It also answers methods Next cannot represent (TRACE) before Next fails on them, and
// serves the public API's routes itself (lib/http/direct-api.ts). Run it with the
// react-server condition (as `npm start` does): the route modules are server-only.
import http from "node:http";
import path from "node:path";
import next from "next";
import { randomBytes } from "node:crypto";
import { PEER_ADDRESS_HEADER, PEER_SECRET_VARIABLE, peerAddressHeader } from "../lib/client-ip";
import { answerUnsupportedMethod } from "../lib/http/unsupported-methods";

const port = Number(process.env.PORT ?? 3000);

// Drawn here, before Next loads, so route handlers in this process can tell our header apart.
process.env[PEER_SECRET_VARIABLE] = randomBytes(24).toString("base64url");
const app = next({ dev: false, port });
await app.prepare();
// Next only logs a configuration its instrumentation refused, and would go on serving.
const { env } = await import("../lib/env");
try {
  env();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const handle = app.getRequestHandler();
// Imported only now: next/server needs the async storage that preparing Next sets up.
const { loadDirectApi } = await import("../lib/http/direct-api");
const answerApi = await loadDirectApi({ appDir: path.resolve("app"), port });

const server = http.createServer((request, response) => {
  if (answerUnsupportedMethod(request, response)) return;
  // Set, never appended: whatever a client sent under this name is replaced.
  request.headers[PEER_ADDRESS_HEADER] = peerAddressHeader(request.socket.remoteAddress ?? "");
  if (answerApi(request, response)) return;
  void handle(request, response);
});
server.listen(port, () => console.log(`Stagepass ready on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
