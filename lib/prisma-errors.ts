/** True for a unique-constraint violation, however the driver adapter wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "P2002" || code === "23505") return true;
  }
  return false;
}
