// The chaos suite's own services: an embedded PostgreSQL, a redis-server with the Upstash
// REST server in front, and the production build. Each is a process this suite started,
// restarted and killed by its own pid, never the machine's shared PostgreSQL or Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../db/embedded-postgres";
import { SERVE_ARGS } from "../serve-args";
import { startUpstashRestServer, type UpstashRestServer } from "../upstash-rest-server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Last resort: if this process exits without its cleanup (a second Ctrl-C, another
// library's exit hook), still take down the children it started, by pid.
const livePids = new Map<number, { group: boolean }>();
process.on("exit", () => {
  for (const [pid, { group }] of livePids) {
    try {
      process.kill(group ? -pid : pid, "SIGKILL");
    } catch {}
  }
});

function track(child: ChildProcess, group = false) {
  if (child.pid === undefined) return;
  const pid = child.pid;
  livePids.set(pid, { group });
  child.once("exit", () => livePids.delete(pid));
}

/** The cluster under `dir` on `port`; stop and start again keep its data. */
export class PostgresService {
  private running: RunningPostgres | null = null;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url() {
    return `postgresql://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start() {
    this.running = await startEmbeddedPostgres(this.dir, this.port);
  }

  async stop() {
    const running = this.running;
    this.running = null;
    await running?.stop();
  }
}

/** A redis-server without persistence: killing it loses everything, as a crash would. */
export class RedisService {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly log: WriteStream,
  ) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.child = child;
    track(child);
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (see ${this.log.path})`);
      if (await this.ping()) return;
      await sleep(50);
    }
    throw new Error("redis-server did not answer within 5 s");
  }

  /** SIGKILL by pid: a crash, not a clean shutdown. */
  async kill() {
    await killChild(this.child, "SIGKILL");
    this.child = null;
  }

  private async ping(): Promise<boolean> {
    const net = await import("node:net");
    return new Promise((resolve) => {
      const socket = net.connect(this.port, "127.0.0.1");
      socket.setTimeout(500);
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("+PONG"))));
      socket.once("error", () => (socket.destroy(), resolve(false)));
      socket.once("timeout", () => (socket.destroy(), resolve(false)));
    });
  }
}

/**
 * The Upstash REST server, in this process. It reports each lost Redis connection on
 * stderr; during the Redis faults that is expected, so those lines go to `log` instead.
 */
export async function startRestServer(redisUrl: string, token: string, log: WriteStream): Promise<UpstashRestServer> {
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[upstash-rest]")) log.write(`${args.map(String).join(" ")}\n`);
    else consoleError(...args);
  };
  const server = await startUpstashRestServer({ redisUrl, token, host: "127.0.0.1" });
  return { ...server, close: () => server.close().finally(() => (console.error = consoleError)) };
}

/**
 * The production server of the build in `appDir` (`npm start`: scripts/serve.ts), in its own
 * process group so that a SIGKILL takes tsx's node child and any worker with it.
 */
export class AppService {
  private child: ChildProcess | null = null;
  constructor(
    readonly appDir: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly log: WriteStream,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    const child = spawn(path.join(this.appDir, "node_modules/.bin/tsx"), SERVE_ARGS, {
      cwd: this.appDir,
      env: { ...process.env, ...this.env, NODE_ENV: "production", PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.child = child;
    track(child, true);
    for (let i = 0; i < 240; i++) {
      if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode} (see ${this.log.path})`);
      const ok = await fetch(`${this.url}/api/v1/health/live`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
      if (ok) return;
      await sleep(250);
    }
    throw new Error(`the app server did not answer within 60 s (see ${this.log.path})`);
  }

  /** Signals the whole process group (by the leader's pid) and waits for the leader to exit. */
  async kill(signal: NodeJS.Signals) {
    await killChild(this.child, signal, true);
    this.child = null;
  }
}

async function killChild(child: ChildProcess | null, signal: NodeJS.Signals, group = false) {
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(group ? -child.pid : child.pid, signal);
  } catch {
    return; // already gone
  }
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(group ? -child.pid : child.pid, "SIGKILL");
    } catch {}
    await exited;
  }
}

export function logFile(dir: string, name: string): WriteStream {
  return createWriteStream(path.join(dir, name), { flags: "a" });
}
