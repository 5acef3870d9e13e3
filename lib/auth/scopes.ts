/**
 * What a personal access token may do. A browser session may do everything; a token only
 * what it was created for, so a leaked read-only token cannot book or spend.
 */
export const TOKEN_SCOPES = ["read", "booking", "payments", "organizer", "webhooks"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What a new token gets when its maker picks nothing: everything a fan does, not the organizer console. */
export const DEFAULT_TOKEN_SCOPES: TokenScope[] = ["read", "booking", "payments"];
