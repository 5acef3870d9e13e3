import { z } from "zod";
import { idParam } from "./ids";
import { text } from "./text";

export const createAccessTokenBody = z.object({
  name: text().trim().min(1, "is required").max(60, "must be at most 60 characters"),
});

export const accessTokenParams = z.object({ tokenId: idParam("must be a token id") });

export const accessTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type AccessTokenView = z.infer<typeof accessTokenView>;

/** Only answer to creation carries the secret itself. */
export const createdAccessTokenView = accessTokenView.extend({ token: z.string() });
