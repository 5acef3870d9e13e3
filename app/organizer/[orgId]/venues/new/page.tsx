import { VenueEditor } from "@/components/organizer/venue-editor";
import { OrganizationSubpage } from "@/components/organizer/organization-subpage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("venueEditor");

export default async function NewVenuePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <OrganizationSubpage orgId={orgId} path={`/organizer/${orgId}/venues/new`}>
      <VenueEditor orgId={orgId} />
    </OrganizationSubpage>
  );
}
