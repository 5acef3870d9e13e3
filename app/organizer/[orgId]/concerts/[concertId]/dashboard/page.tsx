import { ConcertDashboard } from "@/components/organizer/concert-dashboard";
import { OrganizationSubpage } from "@/components/organizer/organization-subpage";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("organizerDashboard");

export default async function OrganizerDashboardPage({ params }: { params: Promise<{ orgId: string; concertId: string }> }) {
  const { orgId, concertId } = await params;
  return (
    <OrganizationSubpage orgId={orgId} path={`/organizer/${orgId}/concerts/${concertId}/dashboard`}>
      <ConcertDashboard orgId={orgId} concertId={concertId} />
    </OrganizationSubpage>
  );
}
