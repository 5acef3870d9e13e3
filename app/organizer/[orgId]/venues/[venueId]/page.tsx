import { VenuePlan } from "@/components/organizer/venue-plan";
import { OrganizationSubpage } from "@/components/organizer/organization-subpage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("venue");

export default async function VenuePage({ params }: { params: Promise<{ orgId: string; venueId: string }> }) {
  const { orgId, venueId } = await params;
  return (
    <OrganizationSubpage orgId={orgId} path={`/organizer/${orgId}/venues/${venueId}`}>
      <VenuePlan venueId={venueId} />
    </OrganizationSubpage>
  );
}
