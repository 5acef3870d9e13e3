import { seedDemoData } from "../../prisma/seed";
import { createPrismaClient } from "../../lib/db";
import { applyMigrations } from "./migrations";

/** Brings a database up to date: pending migrations, then the demo data. */
export async function prepareDatabase(url: string): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createPrismaClient(url);
  try {
    await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
}
