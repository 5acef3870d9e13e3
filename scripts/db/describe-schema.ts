import { withClient } from "./admin";

/**
 * A normalised description of the public schema, one line per enum, column, constraint
 * and index, so two databases can be compared line by line.
 */
export async function describeSchema(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ line: string }>(DESCRIBE_SQL);
    return rows.map((r) => r.line);
  });
}

/** Lines for objects Prisma's schema language cannot express, written by hand in migrations. */
export function isHandWritten(line: string): boolean {
  return line.startsWith("check ") || (line.startsWith("index ") && line.includes(" WHERE "));
}

const DESCRIBE_SQL = `
SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname = 'public' GROUP BY t.typname
UNION ALL
SELECT format('column %s.%s %s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
              CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
              COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), ''))
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
   AND c.relname <> '_prisma_migrations'
UNION ALL
SELECT CASE con.contype WHEN 'c' THEN 'check ' ELSE 'constraint ' END
       || con.conrelid::regclass || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
  FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
 WHERE n.nspname = 'public' AND con.contype IN ('p', 'f', 'u', 'c', 'x')
   AND con.conrelid::regclass::text <> '_prisma_migrations'
UNION ALL
SELECT 'index ' || pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND i.indrelid::regclass::text <> '_prisma_migrations'
ORDER BY 1`;
