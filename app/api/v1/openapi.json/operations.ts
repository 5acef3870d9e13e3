import * as tick from "@/app/api/cron/tick/route";
import * as entryChallenge from "@/app/api/v1/concerts/[concertId]/queue/challenge/route";
import * as queueDraw from "@/app/api/v1/concerts/[concertId]/queue/draw/route";
import * as concertQueue from "@/app/api/v1/concerts/[concertId]/queue/route";
import * as concertSchedules from "@/app/api/v1/concerts/[concertId]/schedules/route";
import * as concerts from "@/app/api/v1/concerts/route";
import * as live from "@/app/api/v1/health/live/route";
import * as health from "@/app/api/v1/health/route";
import * as hold from "@/app/api/v1/holds/[holdId]/route";
import * as bestAvailable from "@/app/api/v1/holds/best-available/route";
import * as holds from "@/app/api/v1/holds/route";
import * as myHolds from "@/app/api/v1/me/holds/route";
import * as order from "@/app/api/v1/me/orders/[orderNumber]/route";
import * as password from "@/app/api/v1/me/password/route";
import * as reservations from "@/app/api/v1/me/reservations/route";
import * as token from "@/app/api/v1/me/tokens/[tokenId]/route";
import * as tokens from "@/app/api/v1/me/tokens/route";
import * as webhookDeliveries from "@/app/api/v1/me/webhooks/[webhookId]/deliveries/route";
import * as webhookRedeliver from "@/app/api/v1/me/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route";
import * as webhookRotate from "@/app/api/v1/me/webhooks/[webhookId]/rotate-secret/route";
import * as webhook from "@/app/api/v1/me/webhooks/[webhookId]/route";
import * as webhookTest from "@/app/api/v1/me/webhooks/[webhookId]/test/route";
import * as webhooks from "@/app/api/v1/me/webhooks/route";
import * as acceptInvite from "@/app/api/v1/organizer/invites/accept/route";
import * as layoutCsv from "@/app/api/v1/organizer/layouts/csv/route";
import * as member from "@/app/api/v1/organizer/organizations/[orgId]/members/[userId]/route";
import * as members from "@/app/api/v1/organizer/organizations/[orgId]/members/route";
import * as organization from "@/app/api/v1/organizer/organizations/[orgId]/route";
import * as organizations from "@/app/api/v1/organizer/organizations/route";
import * as cancelConcert from "@/app/api/v1/organizer/concerts/[concertId]/cancel/route";
import * as publishConcert from "@/app/api/v1/organizer/concerts/[concertId]/publish/route";
import * as organizerConcert from "@/app/api/v1/organizer/concerts/[concertId]/route";
import * as dashboard from "@/app/api/v1/organizer/concerts/[concertId]/dashboard/route";
import * as dashboardEvents from "@/app/api/v1/organizer/concerts/[concertId]/dashboard/events/route";
import * as pauseQueue from "@/app/api/v1/organizer/concerts/[concertId]/queue/pause/route";
import * as resumeQueue from "@/app/api/v1/organizer/concerts/[concertId]/queue/resume/route";
import * as queueLimits from "@/app/api/v1/organizer/concerts/[concertId]/queue/route";
import * as salesCsv from "@/app/api/v1/organizer/concerts/[concertId]/sales.csv/route";
import * as sales from "@/app/api/v1/organizer/concerts/[concertId]/sales/route";
import * as organizerSchedules from "@/app/api/v1/organizer/concerts/[concertId]/schedules/route";
import * as organizerConcerts from "@/app/api/v1/organizer/concerts/route";
import * as venue from "@/app/api/v1/organizer/venues/[venueId]/route";
import * as venues from "@/app/api/v1/organizer/venues/route";
import * as payments from "@/app/api/v1/payments/route";
import * as queue from "@/app/api/v1/queue/route";
import * as queueStatus from "@/app/api/v1/queue/status/route";
import * as queueEvents from "@/app/api/v1/queue/events/route";
import * as seats from "@/app/api/v1/schedules/[scheduleId]/seats/route";
import * as seatStatuses from "@/app/api/v1/schedules/[scheduleId]/seats/status/route";
import * as seatEvents from "@/app/api/v1/schedules/[scheduleId]/seats/events/route";
import * as users from "@/app/api/v1/users/route";
import * as charges from "@/app/api/v1/wallet/charges/route";
import * as wallet from "@/app/api/v1/wallet/route";
import * as transactions from "@/app/api/v1/wallet/transactions/route";
import type { Operation } from "@/lib/openapi/build-document";
import { openApiRouteConfig } from "./config";

// Every documented route module and its path. The document is built from each handler's
// own config; a test checks that no route file is missing here.
const modules: [string, Record<string, unknown>][] = [
  ["/api/v1/users", users],
  ["/api/v1/me/password", password],
  ["/api/v1/me/tokens", tokens],
  ["/api/v1/me/tokens/{tokenId}", token],
  ["/api/v1/me/webhooks", webhooks],
  ["/api/v1/me/webhooks/{webhookId}", webhook],
  ["/api/v1/me/webhooks/{webhookId}/rotate-secret", webhookRotate],
  ["/api/v1/me/webhooks/{webhookId}/test", webhookTest],
  ["/api/v1/me/webhooks/{webhookId}/deliveries", webhookDeliveries],
  ["/api/v1/me/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", webhookRedeliver],
  ["/api/v1/concerts", concerts],
  ["/api/v1/concerts/{concertId}/queue", concertQueue],
  ["/api/v1/concerts/{concertId}/queue/challenge", entryChallenge],
  ["/api/v1/concerts/{concertId}/queue/draw", queueDraw],
  ["/api/v1/queue/status", queueStatus],
  ["/api/v1/queue/events", queueEvents],
  ["/api/v1/queue", queue],
  ["/api/v1/concerts/{concertId}/schedules", concertSchedules],
  ["/api/v1/schedules/{scheduleId}/seats", seats],
  ["/api/v1/schedules/{scheduleId}/seats/status", seatStatuses],
  ["/api/v1/schedules/{scheduleId}/seats/events", seatEvents],
  ["/api/v1/holds", holds],
  ["/api/v1/holds/best-available", bestAvailable],
  ["/api/v1/holds/{holdId}", hold],
  ["/api/v1/wallet", wallet],
  ["/api/v1/wallet/charges", charges],
  ["/api/v1/wallet/transactions", transactions],
  ["/api/v1/payments", payments],
  ["/api/v1/me/holds", myHolds],
  ["/api/v1/me/reservations", reservations],
  ["/api/v1/me/orders/{orderNumber}", order],
  ["/api/v1/organizer/organizations", organizations],
  ["/api/v1/organizer/organizations/{orgId}", organization],
  ["/api/v1/organizer/organizations/{orgId}/members", members],
  ["/api/v1/organizer/organizations/{orgId}/members/{userId}", member],
  ["/api/v1/organizer/invites/accept", acceptInvite],
  ["/api/v1/organizer/layouts/csv", layoutCsv],
  ["/api/v1/organizer/venues", venues],
  ["/api/v1/organizer/venues/{venueId}", venue],
  ["/api/v1/organizer/concerts", organizerConcerts],
  ["/api/v1/organizer/concerts/{concertId}", organizerConcert],
  ["/api/v1/organizer/concerts/{concertId}/schedules", organizerSchedules],
  ["/api/v1/organizer/concerts/{concertId}/publish", publishConcert],
  ["/api/v1/organizer/concerts/{concertId}/cancel", cancelConcert],
  ["/api/v1/organizer/concerts/{concertId}/dashboard", dashboard],
  ["/api/v1/organizer/concerts/{concertId}/dashboard/events", dashboardEvents],
  ["/api/v1/organizer/concerts/{concertId}/queue", queueLimits],
  ["/api/v1/organizer/concerts/{concertId}/queue/pause", pauseQueue],
  ["/api/v1/organizer/concerts/{concertId}/queue/resume", resumeQueue],
  ["/api/v1/organizer/concerts/{concertId}/sales", sales],
  ["/api/v1/organizer/concerts/{concertId}/sales.csv", salesCsv],
  ["/api/v1/health", health],
  ["/api/v1/health/live", live],
  ["/api/cron/tick", tick],
  // This document's own route imports this list, so it is described by its shared config.
  ["/api/v1/openapi.json", { GET: Object.assign(() => undefined, { config: openApiRouteConfig }) }],
];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export const operations: Operation[] = modules.flatMap(([path, module]) =>
  METHODS.filter((method) => typeof module[method] === "function" && "config" in (module[method] as object)).map((method) => ({
    path,
    method: method.toLowerCase() as Operation["method"],
    config: (module[method] as unknown as { config: Operation["config"] }).config,
  })),
);
