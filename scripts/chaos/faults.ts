// The faults, injected one after another while the load runs. Each reports when its
// dependency went away and when it was back (the moment recovery is measured from).
import type { Recorder } from "./recorder";
import type { AppService, PostgresService, RedisService } from "./services";

export interface Services {
  postgres: PostgresService;
  redis: RedisService;
  app: AppService;
}

export interface Fault {
  name: string;
  inject(services: Services, recorder: Recorder): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes a dependency away for `downMs`, marking down and back on the recorder. */
function outage(stop: (s: Services) => Promise<void>, start: (s: Services) => Promise<void>, downMs: number) {
  return async (services: Services, recorder: Recorder) => {
    recorder.markDown();
    await stop(services);
    await sleep(downMs);
    await start(services);
    recorder.markBack();
  };
}

const stopPostgres = (s: Services) => s.postgres.stop();
const startPostgres = (s: Services) => s.postgres.start();
const killRedis = (s: Services) => s.redis.kill();
const startRedis = (s: Services) => s.redis.start();

export const FAULTS: Fault[] = [
  { name: "PostgreSQL restart", inject: outage(stopPostgres, startPostgres, 0) },
  { name: "PostgreSQL down 10 s", inject: outage(stopPostgres, startPostgres, 10_000) },
  { name: "Redis down 5 s", inject: outage(killRedis, startRedis, 5_000) },
  { name: "Redis down 40 s", inject: outage(killRedis, startRedis, 40_000) },
  // No persistence: the restarted server is empty (the waiting room's state is gone).
  { name: "Redis restarted empty", inject: outage(killRedis, startRedis, 0) },
  {
    name: "SIGKILL app mid-payment",
    inject: async (services, recorder) => {
      // Kill just after a payment was sent, so the kill lands inside it.
      const caught = await recorder.nextRequest("payment", 60_000);
      await sleep(15);
      recorder.markDown();
      await services.app.kill("SIGKILL");
      if (!caught) recorder.problems.push({ at: performance.now(), text: "SIGKILL: no payment was in flight within 60 s; killed anyway" });
      await services.app.start();
      recorder.markBack();
    },
  },
];
