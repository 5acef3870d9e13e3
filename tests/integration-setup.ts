import { afterAll, inject } from "vitest";
import { db } from "@/lib/db";

process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await db.$disconnect();
});
