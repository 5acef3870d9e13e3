import { db } from "../db";
import { DomainError, NotFoundError, ValidationError } from "../errors";
import { env } from "../env";
import { afterCursor, newestFirst, newestFirstCursorOf, toPage, type Page, type PageQuery } from "../pagination";
import {
  WEBHOOK_TEST_TYPE,
  type CreateWebhookBody,
  type UpdateWebhookBody,
  type WebhookDeliveryView,
  type WebhookEventType,
  type WebhookView,
  type WebhookWithSecretView,
} from "../schemas/webhooks";
import { inTransaction } from "../transaction";
import { newWebhookSecret } from "./signature";
import { targetRefusal } from "./target-guard";
import { webhooksDue } from "./wake-up";

/** Endpoints one account may have. */
export const MAX_WEBHOOKS = 10;
/** How long the secret before a rotation keeps signing, so receivers can switch without a gap. */
export const PREVIOUS_SECRET_HOURS = 24;

const viewSelect = { id: true, url: true, description: true, eventTypes: true, enabled: true, disabledReason: true, failingSince: true, createdAt: true } as const;

type ViewRecord = { id: string; url: string; description: string; eventTypes: string[]; enabled: boolean; disabledReason: string | null; failingSince: Date | null; createdAt: Date };

const webhookView = (record: ViewRecord): WebhookView => ({
  ...record,
  eventTypes: record.eventTypes as WebhookEventType[],
  failingSince: record.failingSince?.toISOString() ?? null,
  createdAt: record.createdAt.toISOString(),
});

async function assertAllowedTarget(url: string): Promise<void> {
  const refusal = await targetRefusal(url, env().WEBHOOK_ALLOWED_PRIVATE_HOSTS);
  if (refusal) throw new ValidationError([{ field: "url", message: refusal }]);
}

/** Registers an endpoint; its signing secret is in this answer (and a rotation's) only. */
export async function createWebhook(userId: string, input: CreateWebhookBody): Promise<WebhookWithSecretView> {
  await assertAllowedTarget(input.url);
  const secret = newWebhookSecret();
  const record = await inTransaction(async (tx) => {
    // Creations for one account queue on its row, so racing ones cannot both pass the count.
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
    if ((await tx.webhookEndpoint.count({ where: { userId } })) >= MAX_WEBHOOKS) {
      throw new DomainError("WEBHOOK_LIMIT_REACHED", `You already have ${MAX_WEBHOOKS} webhook endpoints. Delete one you no longer use first.`);
    }
    return tx.webhookEndpoint.create({
      data: { userId, url: input.url, description: input.description, eventTypes: [...new Set(input.eventTypes)], secret },
      select: viewSelect,
    });
  });
  return { ...webhookView(record), secret };
}

export async function listWebhooks(userId: string): Promise<WebhookView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { userId }, orderBy: newestFirst, select: viewSelect });
  return rows.map(webhookView);
}

export async function getWebhook(userId: string, webhookId: string): Promise<WebhookView> {
  const record = await db.webhookEndpoint.findFirst({ where: { id: webhookId, userId }, select: viewSelect });
  if (!record) throw new NotFoundError("Webhook");
  return webhookView(record);
}

/** Changes an endpoint; switching it on again clears why delivery had switched it off. */
export async function updateWebhook(userId: string, webhookId: string, input: UpdateWebhookBody): Promise<WebhookView> {
  if (input.url !== undefined) await assertAllowedTarget(input.url);
  await getWebhook(userId, webhookId);
  const record = await db.webhookEndpoint.update({
    where: { id: webhookId },
    data: {
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes && [...new Set(input.eventTypes)],
      ...(input.enabled === undefined ? {} : { enabled: input.enabled, disabledReason: null, failingSince: null }),
    },
    select: viewSelect,
  });
  return webhookView(record);
}

export async function deleteWebhook(userId: string, webhookId: string): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: webhookId, userId } });
  if (count === 0) throw new NotFoundError("Webhook");
}

/** A new signing secret; the old one signs too (a second signature) for PREVIOUS_SECRET_HOURS. */
export async function rotateWebhookSecret(userId: string, webhookId: string, now = new Date()): Promise<WebhookWithSecretView> {
  const secret = newWebhookSecret();
  const record = await inTransaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ secret: string }[]>`
      SELECT secret FROM webhook_endpoints WHERE id = ${webhookId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
    if (!current) throw new NotFoundError("Webhook");
    return tx.webhookEndpoint.update({
      where: { id: webhookId },
      data: { secret, previousSecret: current.secret, previousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000) },
      select: viewSelect,
    });
  });
  return { ...webhookView(record), secret };
}

const deliverySelect = {
  id: true,
  type: true,
  status: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
  attemptsLog: { orderBy: { attemptedAt: "asc" }, select: { attemptedAt: true, statusCode: true, error: true, durationMs: true } },
} as const;

type DeliveryRecord = {
  id: string;
  type: string;
  status: WebhookDeliveryView["status"];
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  attemptsLog: { attemptedAt: Date; statusCode: number | null; error: string | null; durationMs: number }[];
};

const deliveryView = (record: DeliveryRecord): WebhookDeliveryView => ({
  id: record.id,
  type: record.type,
  status: record.status,
  attempts: record.attemptsLog.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
  nextAttemptAt: record.status === "PENDING" ? (record.nextAttemptAt?.toISOString() ?? null) : null,
  createdAt: record.createdAt.toISOString(),
  deliveredAt: record.deliveredAt?.toISOString() ?? null,
});

/** Queues a webhook.test message to the endpoint, sent like any other. */
export async function sendTestWebhook(userId: string, webhookId: string, now = new Date()): Promise<WebhookDeliveryView> {
  await getWebhook(userId, webhookId);
  const body = JSON.stringify({ type: WEBHOOK_TEST_TYPE, timestamp: now.toISOString(), data: { webhookId, message: "A test message from Stagepass." } });
  const record = await db.webhookDelivery.create({ data: { endpointId: webhookId, type: WEBHOOK_TEST_TYPE, body, nextAttemptAt: now }, select: deliverySelect });
  await webhooksDue();
  return deliveryView(record);
}

/** The endpoint's deliveries, newest first, each with every attempt and its answer. */
export async function listDeliveries(userId: string, webhookId: string, query: PageQuery): Promise<Page<WebhookDeliveryView>> {
  await getWebhook(userId, webhookId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: webhookId, ...afterCursor(query.cursor) },
    orderBy: newestFirst,
    take: query.limit + 1,
    select: deliverySelect,
  });
  return toPage(rows, query.limit, deliveryView, newestFirstCursorOf);
}

/** Sends a delivery again now, with a fresh round of retries, whatever became of it. */
export async function redeliver(userId: string, webhookId: string, deliveryId: string, now = new Date()): Promise<WebhookDeliveryView> {
  await getWebhook(userId, webhookId);
  const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: webhookId }, select: { id: true } });
  if (!delivery) throw new NotFoundError("Delivery");
  // One being sent right now is left to finish (its answer will tell); anything else goes again.
  await db.webhookDelivery.updateMany({
    where: { id: deliveryId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lockedUntil: null },
  });
  await webhooksDue();
  return deliveryView(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: deliverySelect }));
}
