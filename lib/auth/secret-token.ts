import { createHash, randomBytes } from "node:crypto";

/** A new secret of 256 random bits behind a prefix that says what it is (`sp_` tokens, `spi_` invitations). */
export const newSecretToken = (prefix: string): string => prefix + randomBytes(32).toString("base64url");

/** How such a secret is stored and looked up: with that much entropy a fast hash is enough. */
export const hashSecretToken = (token: string): string => createHash("sha256").update(token).digest("hex");
