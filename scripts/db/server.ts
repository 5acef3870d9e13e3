import { startEmbeddedPostgres } from "./embedded-postgres";

export interface DatabaseServer {
  /** URL of a database on the server that may create and drop other databases. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// Separate clusters so tests never touch the demo data of a running `npm run dev`.
const EMBEDDED = {
  dev: { dir: ".data/postgres", port: 54329 },
  test: { dir: ".data/postgres-test", port: 54330 },
} as const;

/** DATABASE_URL when set, otherwise the project's embedded PostgreSQL. */
export async function openDatabaseServer(purpose: keyof typeof EMBEDDED): Promise<DatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const { dir, port } = EMBEDDED[purpose];
  const server = await startEmbeddedPostgres(dir, port);
  return { ...server, embedded: true };
}
