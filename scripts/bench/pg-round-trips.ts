import net from "node:net";

export interface RoundTripCounter {
  /** The database URL to hand the app: the same database, reached through the counter. */
  url: string;
  /** Round trips so far: each Sync (extended protocol) or simple Query the app sent. */
  count: () => number;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * A TCP relay in front of PostgreSQL that counts the app's round trips by reading the
 * protocol's message types: what the app costs the database, however it talks to it
 * (Prisma or pg). Bytes pass through untouched in both directions.
 */
export async function countPostgresRoundTrips(databaseUrl: string): Promise<RoundTripCounter> {
  const target = new URL(databaseUrl);
  let roundTrips = 0;
  const sockets = new Set<net.Socket>();
  // No Nagle on either side, like pg's own socket: a relay that holds back small writes
  // until the previous one is acknowledged adds delayed-ACK stalls (tens of ms) to queries.
  const server = net.createServer({ noDelay: true }, (client) => {
    const upstream = net.connect({ port: Number(target.port || 5432), host: target.hostname, noDelay: true });
    sockets.add(client).add(upstream);
    for (const socket of [client, upstream]) socket.once("close", () => sockets.delete(socket));
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    upstream.pipe(client);
    let pending: Buffer = Buffer.alloc(0);
    let startup = true; // the first messages carry no type byte
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          startup = code === SSL_REQUEST || code === GSSENC_REQUEST;
          pending = pending.subarray(length);
        } else {
          if (pending.length < 5) break;
          const length = pending.readInt32BE(1) + 1;
          if (pending.length < length) break;
          const type = String.fromCharCode(pending[0]!);
          if (type === "S" || type === "Q") roundTrips++;
          pending = pending.subarray(length);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    count: () => roundTrips,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
