import { ConcertEditor } from "@/components/organizer/concert-editor";
import { OrganizationSubpage } from "@/components/organizer/organization-subpage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organizerConcert");

export default async function OrganizerConcertPage({ params }: { params: Promise<{ orgId: string; concertId: string }> }) {
  const { orgId, concertId } = await params;
  return (
    <OrganizationSubpage orgId={orgId} path={`/organizer/${orgId}/concerts/${concertId}`}>
      <ConcertEditor orgId={orgId} concertId={concertId} />
    </OrganizationSubpage>
  );
}
