import { z } from "zod";

// Validated server configuration. Read through env() so that importing a module never
// fails a build that has no runtime configuration; the app validates it at boot
// (instrumentation.ts) and refuses to start with a clear list of problems.

const DEV_SECRETS = {
  AUTH_SECRET: "insecure-development-auth-secret-change-me",
  QUEUE_TOKEN_SECRET: "insecure-development-queue-token-secret",
  CRON_SECRET: "insecure-development-cron-secret-change-me",
} as const;

const secret = z.string({ error: "is required in production (32+ random characters)" }).min(32, "must be at least 32 characters");
const positiveInt = z.coerce.number().int().positive();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is not set: `npm run dev` starts an embedded PostgreSQL, or set it to your database" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    DATABASE_POOL_SIZE: positiveInt.default(10),
    // No statement of ours takes seconds; one that does is stuck, and holds a pooled connection.
    DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(10_000),
    NEXTAUTH_URL: z.url().optional(),
    AUTH_SECRET: secret,
    QUEUE_TOKEN_SECRET: secret,
    CRON_SECRET: secret,
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    HOLD_TTL_SECONDS: positiveInt.default(300),
    QUEUE_ACTIVE_LIMIT: positiveInt.default(200),
    QUEUE_ADMIT_PER_TICK: positiveInt.default(50),
    QUEUE_ACTIVE_TTL_SECONDS: positiveInt.default(900),
    // How long domain events and finished webhook deliveries are kept: a stream further behind starts afresh.
    EVENT_RETENTION_HOURS: positiveInt.default(168),
    // Hosts webhooks may be sent to although they are private or plain http (a receiver on
    // the same network, tests): comma-separated names or addresses, none by default.
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: z
      .string()
      .default("")
      .transform((list) => list.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean)),
    RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
    // Which proxy headers to believe for the client's address (lib/client-ip.ts).
    TRUSTED_PROXY: z
      .union([z.literal("vercel"), z.coerce.number().int().min(1).max(10)], { error: 'must be "vercel" or a number of proxy hops (1–10)' })
      .optional(),
  })
  .refine((e) => !e.UPSTASH_REDIS_REST_URL || e.UPSTASH_REDIS_REST_TOKEN, {
    path: ["UPSTASH_REDIS_REST_TOKEN"],
    message: "is required when UPSTASH_REDIS_REST_URL is set",
  });

export type Env = z.infer<typeof schema>;

export class InvalidEnvError extends Error {
  override name = "InvalidEnvError";
}

/** Parses a raw environment. Outside production, missing secrets get fixed development values. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const input = { ...raw };
  for (const key of Object.keys(input) as (keyof typeof input)[]) if (input[key] === "") delete input[key];
  if (input.NODE_ENV !== "production") {
    for (const [key, value] of Object.entries(DEV_SECRETS)) input[key] ??= value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"} ${i.message}`);
    throw new InvalidEnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
