import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { freePort } from "@/scripts/free-port";
import { startUpstashRestServer, type UpstashRestServer } from "@/scripts/upstash-rest-server";

// A redis-server of the test's own, without persistence, behind its own REST server, so
// a test can kill it and start it again empty. Never the shared Redis.

export interface PrivateRedis {
  /** The REST endpoint (stays up while Redis is down). */
  url: string;
  token: string;
  /** SIGKILLs the redis-server. */
  kill(): Promise<void>;
  /** Starts an empty redis-server on the same port; resolves once the REST endpoint reaches it. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const TOKEN = "private-redis-tests";

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let redis = await startRedis(port);
  let rest: UpstashRestServer | null = null;
  try {
    rest = await startUpstashRestServer({ redisUrl: `redis://127.0.0.1:${port}`, token: TOKEN });
  } catch (error) {
    await stop(redis);
    throw error;
  }
  return {
    url: rest.url,
    token: TOKEN,
    kill: () => stop(redis),
    restart: async () => {
      redis = await startRedis(port);
      await untilRestReachesRedis(rest.url);
    },
    close: async () => {
      await rest.close();
      await stop(redis);
    },
  };
}

async function untilRestReachesRedis(url: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: '["PING"]' });
    if (response.ok) return;
    if (Date.now() > deadline) throw new Error("the REST server did not reconnect to redis-server");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
    stdio: "ignore",
  });
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
