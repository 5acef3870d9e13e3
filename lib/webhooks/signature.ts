import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): a secret is "whsec_" + base64 of its key; a
// message is signed as HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"), sent as
// "v1,{base64}", several signatures separated by spaces (both secrets during a rotation).
const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return "v1," + createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
}

/** The three headers of one attempt, signed with every secret given. */
export function webhookHeaders(secrets: string[], id: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((secret) => signWebhook(secret, id, timestamp, body)).join(" "),
  };
}
