import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** performance.now() when the message had arrived whole. */
  at: number;
}

/**
 * A webhook receiver on 127.0.0.1 for tests: it records every message and answers with the
 * next of `statuses` (the last one repeats).
 */
export async function startReceiver(statuses: number[] = [204]) {
  const received: Received[] = [];
  let answered = 0;
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body, at: performance.now() });
      response.statusCode = statuses[Math.min(answered++, statuses.length - 1)]!;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
