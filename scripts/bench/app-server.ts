import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { processTreeCpuMs } from "./process-cpu";

export interface AppServer {
  url: string;
  /** CPU time (ms) the server's processes have used so far. */
  cpuMs: () => number;
  stop(): Promise<void>;
}

/** Starts the production build (`npm start`) with the given environment and waits until it answers. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], {
    // The load comes from one address: lift the per-IP limits out of the way.
    env: { ...process.env, RATE_LIMIT_MULTIPLIER: "1000", ...env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/v1/health/live`).then((r) => r.ok, () => false);
    if (ok) {
      return {
        url,
        cpuMs: () => processTreeCpuMs(child.pid!),
        stop: () =>
          new Promise<void>((resolve) => {
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the app server did not answer within 30 s");
}
