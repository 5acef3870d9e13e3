// The money and seat invariants, checked in SQL over one snapshot of the chaos database.
// Each query returns the offending rows, so a failure says which ones.
import type pg from "pg";

export interface Check {
  name: string;
  sql: string;
}

export const CHECKS: Check[] = [
  {
    name: "no seat sold twice",
    sql: `SELECT seat_id::text AS id, count(*) AS n FROM reservations GROUP BY seat_id HAVING count(*) > 1`,
  },
  {
    // Two live holds covering one seat, or a seat whose live hold does not cover it.
    name: "no seat held twice",
    sql: `SELECT hs.seat_id::text AS id, count(*) AS n
            FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
           WHERE h.status = 'ACTIVE' AND h.expires_at > now()
           GROUP BY hs.seat_id HAVING count(*) > 1
          UNION ALL
          SELECT s.id::text, 1 FROM seats s
           WHERE s.hold_id IS NOT NULL AND s.hold_expires_at > now()
             AND NOT EXISTS (SELECT 1 FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
                              WHERE hs.seat_id = s.id AND h.id = s.hold_id AND h.status = 'ACTIVE')`,
  },
  {
    // Exactly one ticket and one PAID hold per sold seat; no ticket for an unsold seat.
    name: "sold seat = one ticket + one PAID hold",
    sql: `SELECT s.id::text AS id,
                 (SELECT count(*) FROM reservations r WHERE r.seat_id = s.id) AS tickets,
                 (SELECT count(*) FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
                   WHERE hs.seat_id = s.id AND h.status = 'PAID') AS paid_holds
            FROM seats s
           WHERE s.status = 'SOLD'
             AND ((SELECT count(*) FROM reservations r WHERE r.seat_id = s.id) <> 1
               OR (SELECT count(*) FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
                    WHERE hs.seat_id = s.id AND h.status = 'PAID') <> 1)
          UNION ALL
          SELECT s.id::text, 1, 0 FROM seats s JOIN reservations r ON r.seat_id = s.id WHERE s.status <> 'SOLD'`,
  },
  {
    name: "balance = sum(ledger)",
    sql: `SELECT w.user_id::text AS id, w.balance, COALESCE(sum(l.amount), 0) AS ledger
            FROM wallets w LEFT JOIN ledger_entries l ON l.user_id = w.user_id
           GROUP BY w.user_id, w.balance HAVING w.balance <> COALESCE(sum(l.amount), 0)`,
  },
  {
    name: "balances + payments = charges",
    sql: `SELECT 'totals' AS id, b.total AS balances, p.total AS payments, c.total AS charges
            FROM (SELECT COALESCE(sum(balance), 0) AS total FROM wallets) b,
                 (SELECT COALESCE(sum(amount), 0) AS total FROM payments) p,
                 (SELECT COALESCE(sum(amount), 0) AS total FROM ledger_entries WHERE kind = 'CHARGE') c
           WHERE b.total + p.total <> c.total`,
  },
  {
    // A payment is its PAID hold's amount, its tickets' prices and one ledger debit.
    name: "payment = hold = tickets = debit",
    sql: `SELECT p.id::text AS id, p.amount, h.amount AS hold_amount, h.status::text AS hold_status,
                 (SELECT sum(r.price) FROM reservations r WHERE r.payment_id = p.id) AS tickets,
                 (SELECT sum(l.amount) FROM ledger_entries l WHERE l.payment_id = p.id) AS debit
            FROM payments p JOIN holds h ON h.id = p.hold_id
           WHERE h.status <> 'PAID' OR h.amount <> p.amount
              OR (SELECT sum(r.price) FROM reservations r WHERE r.payment_id = p.id) IS DISTINCT FROM p.amount
              OR (SELECT sum(l.amount) FROM ledger_entries l WHERE l.payment_id = p.id) IS DISTINCT FROM -p.amount
          UNION ALL
          SELECT h.id::text, 0, h.amount, 'PAID', NULL, NULL FROM holds h
           WHERE h.status = 'PAID' AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.hold_id = h.id)`,
  },
];

export interface CheckResult {
  name: string;
  violations: number;
  sample: unknown[];
}

/** Runs every check in one REPEATABLE READ snapshot (so a commit in between cannot split them). */
export async function checkInvariants(client: pg.Client | pg.PoolClient, { inOpenTransaction = false } = {}): Promise<CheckResult[]> {
  if (!inOpenTransaction) await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const results: CheckResult[] = [];
    for (const check of CHECKS) {
      const { rows } = await client.query(check.sql);
      results.push({ name: check.name, violations: rows.length, sample: rows.slice(0, 3) });
    }
    return results;
  } finally {
    if (!inOpenTransaction) await client.query("ROLLBACK");
  }
}

/**
 * Proves the checks can fail: in a transaction that is rolled back, breaks the data one
 * way per check and expects exactly that check (at least) to report it.
 */
export async function selfTestChecks(client: pg.Client): Promise<{ corruption: string; expected: string; caught: boolean }[]> {
  const corruptions: { corruption: string; expected: string; sql: string[] }[] = [
    {
      corruption: "a second ticket for a sold seat",
      expected: "no seat sold twice",
      sql: [
        `ALTER TABLE reservations DROP CONSTRAINT IF EXISTS reservations_seat_id_key`,
        `DROP INDEX IF EXISTS reservations_seat_id_key`,
        `DROP INDEX IF EXISTS reservations_schedule_id_seat_id_key`,
        `INSERT INTO reservations (user_id, payment_id, schedule_id, seat_id, price, code)
           SELECT user_id, payment_id, schedule_id, seat_id, price, code || '-twin' FROM reservations LIMIT 1`,
      ],
    },
    {
      corruption: "two live holds on one free seat",
      expected: "no seat held twice",
      sql: [
        `WITH seat AS (SELECT id, schedule_id, price FROM seats WHERE status = 'AVAILABLE' AND hold_id IS NULL LIMIT 1),
              fans AS (SELECT id FROM users ORDER BY id LIMIT 2),
              made AS (INSERT INTO holds (user_id, schedule_id, amount, expires_at)
                         SELECT fans.id, seat.schedule_id, seat.price, now() + interval '5 minutes' FROM fans, seat RETURNING id)
         INSERT INTO hold_seats (hold_id, seat_id, price) SELECT made.id, seat.id, seat.price FROM made, seat`,
      ],
    },
    {
      corruption: "a seat marked SOLD without a ticket",
      expected: "sold seat = one ticket + one PAID hold",
      sql: [`UPDATE seats SET status = 'SOLD' WHERE id = (SELECT id FROM seats WHERE status = 'AVAILABLE' AND hold_id IS NULL LIMIT 1)`],
    },
    {
      corruption: "one won added to a balance",
      expected: "balance = sum(ledger)",
      sql: [`UPDATE wallets SET balance = balance + 1 WHERE user_id = (SELECT user_id FROM ledger_entries LIMIT 1)`],
    },
    {
      corruption: "a payment row without its money",
      expected: "balances + payments = charges",
      sql: [`UPDATE payments SET amount = amount + 1 WHERE id = (SELECT id FROM payments LIMIT 1)`],
    },
    {
      corruption: "a PAID hold with no payment",
      expected: "payment = hold = tickets = debit",
      sql: [
        `INSERT INTO holds (user_id, schedule_id, status, amount, expires_at, closed_at)
           SELECT (SELECT id FROM users LIMIT 1), (SELECT id FROM schedules LIMIT 1), 'PAID', 1000, now(), now()`,
      ],
    },
  ];
  const outcomes = [];
  for (const c of corruptions) {
    await client.query("BEGIN");
    try {
      let changed = 0;
      for (const statement of c.sql) changed = (await client.query(statement)).rowCount ?? 0;
      // A corruption that touched no row proves nothing about its check.
      if (changed === 0) throw new Error("no row to corrupt");
      const results = await checkInvariants(client, { inOpenTransaction: true });
      outcomes.push({ corruption: c.corruption, expected: c.expected, caught: (results.find((r) => r.name === c.expected)?.violations ?? 0) > 0 });
    } catch (error) {
      outcomes.push({ corruption: `${c.corruption} (could not be made: ${(error as Error).message})`, expected: c.expected, caught: false });
    } finally {
      await client.query("ROLLBACK");
    }
  }
  return outcomes;
}
