import { readdirSync, readFileSync } from "node:fs";

// Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;

/**
 * CPU time (ms) used so far by a process and its descendants (the app server is tsx, its
 * Node child and any workers), read from /proc: the server's own cost, whatever the load
 * generator on the same cores is doing. Linux only; elsewhere it reads 0.
 */
export function processTreeCpuMs(rootPid: number): number {
  let stats: { pid: number; ppid: number; ticks: number }[];
  try {
    stats = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          // Fields after the parenthesised command name: state, ppid, … utime (14th), stime (15th).
          const fields = readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ");
          return [{ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
        } catch {
          return []; // the process ended while we looked
        }
      });
  } catch {
    return 0;
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (tree.has(s.ppid) && !tree.has(s.pid)) {
        tree.add(s.pid);
        grew = true;
      }
    }
  }
  const ticks = stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
