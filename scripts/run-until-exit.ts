import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Runs a local binary (node_modules/.bin) in the foreground, passes Ctrl-C and SIGTERM on
 * to it, runs `cleanup` once it exits, and exits with its code.
 */
export async function runUntilExit(
  bin: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cleanup: () => Promise<void> },
): Promise<never> {
  const child = spawn(path.resolve("node_modules/.bin", bin), args, { stdio: "inherit", env: options.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 0 : 1))));
  await options.cleanup().catch((error) => console.error("Cleanup failed:", error));
  process.exit(code);
}
