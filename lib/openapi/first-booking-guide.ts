// The "first booking from a script" guide: shown at the top of /docs (it is the API
// document's description) and run, block by block, by e2e/api-guide.spec.ts.
// Fences are ~~~ so the text can live in a template literal.

export const FIRST_BOOKING_GUIDE = String.raw`
## Your first booking from a script

Everything a browser does, a script can do with **curl**. You need a personal access
token: create one on your account page (/account) and keep it in a variable, with the
site's address.

~~~bash
export STAGEPASS_URL=http://localhost:3000   # where Stagepass runs
export STAGEPASS_TOKEN=sp_…                  # your personal access token
~~~

Answers are JSON. This helper (Node is all it needs) prints one value from an answer:

~~~bash
API="$STAGEPASS_URL/api/v1"
AUTH="authorization: Bearer $STAGEPASS_TOKEN"
JSON="content-type: application/json"
js() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(eval(process.argv[1]))})' "$1"; }
~~~

**1. Pick a concert and join its waiting room.** Keep the queue token: it is your place
in line, sent as X-Queue-Token from now on. Poll your status until it is ACTIVE (the
answer's pollAfterMs says how often); EXPIRED means your turn passed: join again.

~~~bash
CONCERT=$(curl -sS --fail-with-body "$API/concerts" | js 'j.items[0].id')
QUEUE=$(curl -sS --fail-with-body -X POST "$API/concerts/$CONCERT/queue" -H "$AUTH" | js 'j.token')
while :; do
  STATUS=$(curl -sS --fail-with-body "$API/queue/status" -H "$AUTH" -H "x-queue-token: $QUEUE")
  case $(echo "$STATUS" | js 'j.status') in
    ACTIVE) break ;;
    WAITING) sleep "$(echo "$STATUS" | js 'j.pollAfterMs / 1000')" ;;
    *) echo "Your turn has passed; join the line again." >&2; exit 1 ;;
  esac
done
~~~

**2. Choose a date and a free seat, and hold it.** The hold lasts five minutes.

~~~bash
DATE=$(curl -sS --fail-with-body "$API/concerts/$CONCERT/schedules" -H "$AUTH" -H "x-queue-token: $QUEUE" | js 'j.items[0].id')
SEAT=$(curl -sS --fail-with-body "$API/schedules/$DATE/seats" -H "$AUTH" -H "x-queue-token: $QUEUE" | js 'j.seats.find(s => s.status === "AVAILABLE").id')
HOLD=$(curl -sS --fail-with-body -X POST "$API/holds" -H "$AUTH" -H "x-queue-token: $QUEUE" -H "$JSON" -d "{\"scheduleId\":\"$DATE\",\"seatIds\":[\"$SEAT\"]}")
HOLD_ID=$(echo "$HOLD" | js 'j.id'); AMOUNT=$(echo "$HOLD" | js 'j.amount')
~~~

**3. Top up your wallet and pay.** Both need an Idempotency-Key: a retry with the same
key can never charge or pay twice.

~~~bash
curl -sS --fail-with-body -X POST "$API/wallet/charges" -H "$AUTH" -H "$JSON" -H "idempotency-key: $(node -p 'crypto.randomUUID()')" -d "{\"amount\":$AMOUNT}" > /dev/null
curl -sS --fail-with-body -X POST "$API/payments" -H "$AUTH" -H "x-queue-token: $QUEUE" -H "$JSON" -H "idempotency-key: $(node -p 'crypto.randomUUID()')" -d "{\"holdId\":\"$HOLD_ID\"}" | js 'j.tickets.map(t => t.code).join("\n")'
~~~

That prints your ticket codes; **GET /me/reservations** lists every ticket you own.
Errors come back as **application/problem+json** with a stable **code** (see each
operation below); 429 answers carry **Retry-After**.
`;

/** The guide's shell blocks, in order (for running it). */
export function guideShellBlocks(): string[] {
  return [...FIRST_BOOKING_GUIDE.matchAll(/~~~bash\n([\s\S]*?)~~~/g)].map((m) => m[1]!);
}
