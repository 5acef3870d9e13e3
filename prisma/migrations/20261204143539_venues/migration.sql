-- CreateTable
CREATE TABLE "venues" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "layout_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "venues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "venue_layouts" (
    "venue_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "seat_count" INTEGER NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "venue_layouts_pkey" PRIMARY KEY ("venue_id","version")
);

-- CreateIndex
CREATE INDEX "venues_organization_id_idx" ON "venues"("organization_id");

-- AddForeignKey
ALTER TABLE "venues" ADD CONSTRAINT "venues_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "venue_layouts" ADD CONSTRAINT "venue_layouts_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "venue_layouts" ADD CONSTRAINT "venue_layouts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Names are what people type; a layout holds at most 100,000 seats (lib/organizer/venue-layout.ts).
ALTER TABLE "venues" ADD CONSTRAINT "venues_name_length" CHECK (char_length("name") BETWEEN 1 AND 80);
ALTER TABLE "venues" ADD CONSTRAINT "venues_layout_version_positive" CHECK ("layout_version" >= 1);
ALTER TABLE "venue_layouts" ADD CONSTRAINT "venue_layouts_seat_count_valid" CHECK ("seat_count" BETWEEN 1 AND 100000);
