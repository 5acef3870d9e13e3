import type { DefaultSession } from "next-auth";
import type { SessionClaims } from "./lib/auth/sessions";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
  /** What authorize returns: the account and the server-side session it just started. */
  interface User {
    session?: SessionClaims;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session (lib/auth/sessions.ts) this cookie belongs to. */
    sid?: string;
    /** When that session ends, epoch seconds (cookies issued before this existed lack it). */
    sexp?: number;
  }
}
