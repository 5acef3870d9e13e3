import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireSignedIn } from "@/components/auth/require-signed-in";

/** A page under an organization in the console: for the signed-in, with the way back to the organization. */
export async function OrganizationSubpage({ orgId, path, children }: { orgId: string; path: string; children: ReactNode }) {
  await requireSignedIn(path);
  const t = await getTranslations("Organizer");
  return (
    <div className="space-y-4">
      <Link href={`/organizer/${orgId}`} className="text-sm text-brand-600 underline hover:no-underline">
        ← {t("backToOrganization")}
      </Link>
      {children}
    </div>
  );
}
