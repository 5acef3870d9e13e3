import { z } from "zod";

// PostgreSQL refuses NUL in text (a 500 if it gets that far), and a lone UTF-16 surrogate
// cannot be encoded as UTF-8 (it would be stored as U+FFFD). Every string a client sends
// that may reach the database is built from this.
const UNSTORABLE = /[\0\p{Cs}]/u;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export const text = () =>
  z.string().refine(isStorableText, "must not contain NUL or unpaired surrogate characters");
