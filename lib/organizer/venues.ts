import { db } from "../db";
import { DomainError, NotFoundError } from "../errors";
import type { CreateVenueBody, UpdateVenueBody, VenueView } from "../schemas/organizer";
import { inTransaction } from "../transaction";
import { requireMember } from "./membership";
import { layoutSeatCount, type VenueLayout } from "./venue-layout";

type VenueRecord = { id: string; organizationId: string; name: string; layoutVersion: number; createdAt: Date };
const venueSelect = { id: true, organizationId: true, name: true, layoutVersion: true, createdAt: true } as const;

const view = (venue: VenueRecord, seatCount: number): VenueView => ({ ...venue, seatCount, createdAt: venue.createdAt.toISOString() });

/** A new venue with its first layout version (owners and managers). */
export async function createVenue(actorId: string, input: CreateVenueBody) {
  await requireMember(actorId, input.organizationId, "manage");
  const seatCount = layoutSeatCount(input.layout);
  const venue = await inTransaction(async (tx) => {
    const made = await tx.venue.create({ data: { organizationId: input.organizationId, name: input.name, layoutVersion: 1 }, select: venueSelect });
    await tx.venueLayout.create({ data: { venueId: made.id, version: 1, document: input.layout, seatCount, createdById: actorId } });
    return made;
  });
  return { ...view(venue, seatCount), layout: input.layout };
}

/** The organization's venues, by name (any member). */
export async function listVenues(actorId: string, organizationId: string): Promise<VenueView[]> {
  await requireMember(actorId, organizationId, "read");
  const venues = await db.venue.findMany({ where: { organizationId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: venueSelect });
  const counts = await db.venueLayout.findMany({
    where: { OR: venues.map((v) => ({ venueId: v.id, version: v.layoutVersion })) },
    select: { venueId: true, seatCount: true },
  });
  const seatsOf = new Map(counts.map((c) => [c.venueId, c.seatCount]));
  return venues.map((venue) => view(venue, seatsOf.get(venue.id)!));
}

/** One venue with its newest layout (any member of its organization). */
export async function getVenue(actorId: string, venueId: string) {
  const venue = await db.venue.findUnique({ where: { id: venueId }, select: venueSelect });
  await requireMember(actorId, venue?.organizationId ?? null, "read");
  const layout = await db.venueLayout.findUniqueOrThrow({ where: { venueId_version: { venueId, version: venue!.layoutVersion } }, select: { document: true, seatCount: true } });
  return { ...view(venue!, layout.seatCount), layout: layout.document as unknown as VenueLayout };
}

/**
 * Renames a venue and/or gives it a new layout version (owners and managers). A layout
 * must be made from the newest version: one made from an older one would undo someone
 * else's edit, so it is refused with 409 LAYOUT_VERSION_CONFLICT (load it again).
 */
export async function updateVenue(actorId: string, venueId: string, input: UpdateVenueBody) {
  const found = await db.venue.findUnique({ where: { id: venueId }, select: { organizationId: true } });
  await requireMember(actorId, found?.organizationId ?? null, "manage");
  return inTransaction(async (tx) => {
    // Edits of one venue take turns on its row, so two cannot both build on one version.
    const [venue] = await tx.$queryRaw<{ layout_version: number }[]>`SELECT layout_version FROM venues WHERE id = ${venueId}::uuid FOR UPDATE`;
    if (!venue) throw new NotFoundError("Venue");
    let layoutVersion = venue.layout_version;
    if (input.layout) {
      if (input.layoutVersion !== venue.layout_version) {
        throw new DomainError("LAYOUT_VERSION_CONFLICT", `The layout is at version ${venue.layout_version} now, not ${input.layoutVersion}. Load it again and redo your change.`, [
          { field: "layoutVersion", message: `is not the newest (${venue.layout_version})` },
        ]);
      }
      layoutVersion += 1;
      await tx.venueLayout.create({ data: { venueId, version: layoutVersion, document: input.layout, seatCount: layoutSeatCount(input.layout), createdById: actorId } });
    }
    const saved = await tx.venue.update({ where: { id: venueId }, data: { layoutVersion, ...(input.name ? { name: input.name } : {}) }, select: venueSelect });
    const layout = await tx.venueLayout.findUniqueOrThrow({ where: { venueId_version: { venueId, version: layoutVersion } }, select: { document: true, seatCount: true } });
    // What this edit saved, whatever a later one does.
    return { ...view(saved, layout.seatCount), layout: layout.document as unknown as VenueLayout };
  });
}
