import { z } from "zod";
import { DEFAULT_TOKEN_SCOPES, TOKEN_SCOPES } from "../auth/scopes";
import { idParam } from "./ids";
import { text } from "./text";

/** How long a new token may live, in days: every token expires, within a year. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;

export const tokenScope = z.enum(TOKEN_SCOPES);

export const createAccessTokenBody = z.object({
  name: text().trim().min(1, "is required").max(60, "must be at most 60 characters"),
  // Without a choice a token acts as you, as a fan, as tokens always did; ["read"] is read-only.
  scopes: z.array(tokenScope).min(1, "must name at least one scope").max(TOKEN_SCOPES.length).default([...DEFAULT_TOKEN_SCOPES]),
  expiresInDays: z.literal(TOKEN_LIFETIMES_DAYS, `must be one of ${TOKEN_LIFETIMES_DAYS.join(", ")}`).default(30),
});
export type CreateAccessTokenBody = z.infer<typeof createAccessTokenBody>;

export const accessTokenParams = z.object({ tokenId: idParam("must be a token id") });

export const accessTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart. */
  prefix: z.string(),
  scopes: z.array(tokenScope),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type AccessTokenView = z.infer<typeof accessTokenView>;

/** Only answer to creation carries the secret itself. */
export const createdAccessTokenView = accessTokenView.extend({ token: z.string() });
