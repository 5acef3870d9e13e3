import { VenueEditor } from "@/components/organizer/venue-editor";
import { OrganizationSubpage } from "@/components/organizer/organization-subpage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("venueEditor");

export default async function EditVenuePage({ params }: { params: Promise<{ orgId: string; venueId: string }> }) {
  const { orgId, venueId } = await params;
  return (
    <OrganizationSubpage orgId={orgId} path={`/organizer/${orgId}/venues/${venueId}/edit`}>
      <VenueEditor orgId={orgId} venueId={venueId} />
    </OrganizationSubpage>
  );
}
