import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/components/auth/require-signed-in";
import { AcceptInvite } from "@/components/organizer/accept-invite";
import { pageTitle } from "@/i18n/page-title";

export const generateMetadata = pageTitle("invitation");

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireSignedIn(`/organizer/invites/${token}`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{(await getTranslations("Titles"))("invitation")}</h1>
      <AcceptInvite token={token} email={user.email} />
    </div>
  );
}
