import { z } from "zod";
import { ValidationError } from "./errors";
import { isStorableText, text } from "./schemas/text";

/** Query shape shared by every paginated endpoint. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: text().min(1).max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** Response shape shared by every paginated endpoint. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Decodes a cursor made by encodeCursor; an unreadable one yields null. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | null {
  try {
    // A forged cursor must not carry a string the database cannot store into a query.
    const json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"), (_key, value: unknown) => {
      if (typeof value === "string" && !isStorableText(value)) throw new Error("unstorable text");
      return value;
    });
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Builds a page from `limit + 1` fetched rows: the extra row only signals that more exist. */
export function toPage<Row, Item>(rows: Row[], limit: number, item: (row: Row) => Item, cursorOf: (row: Row) => unknown): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(item), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

// Keyset pagination for lists shown newest first: order by (createdAt desc, id desc) and
// continue strictly after the last row, so pages never skip or repeat rows.
// The date is bounded: PostgreSQL has no year 0 and a forged far date would fail the query.
export const newestFirstCursor = z.object({
  at: z.iso.datetime().refine((at) => {
    const year = new Date(at).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }),
  id: z.uuid(),
});

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** The `where` part selecting rows after the cursor (none without one). */
export function afterCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const after = decodeCursor(cursor, newestFirstCursor);
  if (!after) throw new ValidationError([{ field: "query.cursor", message: "is not a cursor from this API" }]);
  const at = new Date(after.at);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] };
}

export const newestFirstCursorOf = (row: { createdAt: Date; id: string }) => ({ at: row.createdAt.toISOString(), id: row.id });

/** The response schema of a page of `item`s, for the OpenAPI document. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
