// POST /api/v1/organizer/layouts/csv – a venue layout from a seat list (section,row,seat,tier), to save with a venue
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { layoutFromCsv } from "@/lib/organizer/layout-csv";
import { requireOrganizer } from "@/lib/organizer/membership";
import { layoutSeatCount, MAX_LAYOUT_BODY_BYTES } from "@/lib/organizer/venue-layout";
import { layoutCsvBody, layoutFromCsvView } from "@/lib/schemas/organizer";

export const POST = route(
  {
    auth: "user",
    scope: "organizer",
    body: layoutCsvBody,
    maxBodyBytes: MAX_LAYOUT_BODY_BYTES,
    doc: {
      summary: "A layout from a seat list (CSV)",
      description:
        "One seat per line after the header `section,row,seat,tier` (tier may be empty; quotes as in RFC 4180). Sections keep their order and are placed side by side; a row's missing numbers become skipped numbers. Nothing is saved: send the layout with POST or PATCH of a venue. 400 names `csv` with the lines at fault.",
      tag: "Organizer",
      responses: { 200: { description: "The layout and its seat count", schema: layoutFromCsvView } },
      errors: ["ORGANIZER_REQUIRED"],
    },
  },
  async ({ user, body }) => {
    await requireOrganizer(user.id);
    const layout = layoutFromCsv(body.csv);
    return json({ layout, seatCount: layoutSeatCount(layout) });
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
