// GET /api/v1/me/orders/{orderNumber} – one of your orders: what was paid, when, and its tickets
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { getOrderOrThrow } from "@/lib/payments/get-order";
import { orderNumberParam, orderView } from "@/lib/schemas/payments";

export const GET = route(
  {
    auth: "user",
    params: orderNumberParam,
    doc: {
      summary: "One of your orders",
      description: "An order is one payment: its seats, amount, time and your wallet balance right after it. Another account's order is 404.",
      tag: "Payments",
      responses: { 200: { description: "The order with its tickets, by seat", schema: orderView } },
      errors: ["NOT_FOUND"],
    },
  },
  async ({ user, params }) => json(await getOrderOrThrow(user.id, params.orderNumber), 200, { "cache-control": "no-store" }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
