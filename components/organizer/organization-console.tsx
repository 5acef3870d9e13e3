"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalTime } from "@/components/ui/local-time";
import { ShownOnce } from "@/components/ui/shown-once";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ORGANIZATION_ROLES, type MemberView, type OrganizationRoleName } from "@/lib/schemas/organizer";
import { Concerts } from "./concerts";
import { useChangeRole, useInviteMember, useMembers, useOrganization, useRemoveMember } from "./organizer-api";
import { Venues } from "./venues";
import { BUTTON } from "@/components/ui/styles";

const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** An organization's page: members, venues and invitations; owners change roles, owners and managers invite and add venues. */
export function OrganizationConsole({ orgId, userId }: { orgId: string; userId: string }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const organization = useOrganization(orgId);
  const members = useMembers(orgId);
  const role = organization.data?.role;

  if (organization.isError) return <FormAlert>{problemText.message(organization.error)}</FormAlert>;
  if (!organization.data) return <p aria-busy="true">{t("loading")}</p>;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{organization.data.name}</h1>
        <p className="text-slate-600">{t("yourRole", { role: t(`role.${organization.data.role}`) })}</p>
      </div>
      <section aria-labelledby="members-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t("members")}
        </h2>
        {members.isError && <FormAlert>{problemText.message(members.error)}</FormAlert>}
        <ul className="divide-y divide-slate-100" aria-label={t("members")}>
          {members.data?.members.map((member) => <MemberRow key={member.userId} orgId={orgId} member={member} canManage={role === "OWNER"} isYou={member.userId === userId} />)}
        </ul>
      </section>
      <Concerts orgId={orgId} canManage={role === "OWNER" || role === "MANAGER"} />
      <Venues orgId={orgId} canManage={role === "OWNER" || role === "MANAGER"} />
      {(role === "OWNER" || role === "MANAGER") && <InviteForm orgId={orgId} mayInviteOwners={role === "OWNER"} />}
      {!!members.data?.invites.length && (
        <section aria-labelledby="invites-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="invites-heading" className="text-lg font-semibold">
            {t("openInvites")}
          </h2>
          <ul className="divide-y divide-slate-100">
            {members.data.invites.map((invite) => (
              <li key={invite.id} className="py-2 text-sm">
                <span className="font-medium">{invite.email}</span> · {t(`role.${invite.role}`)}
                <span className="block text-xs text-slate-600">{t.rich("inviteExpires", { time: () => <LocalTime iso={invite.expiresAt} /> })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function MemberRow({ orgId, member, canManage, isYou }: { orgId: string; member: MemberView; canManage: boolean; isYou: boolean }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const router = useRouter();
  const changeRole = useChangeRole(orgId);
  const remove = useRemoveMember(orgId);
  const error = changeRole.error ?? remove.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    changeRole.mutate({ userId: member.userId, role: new FormData(event.currentTarget).get("role") as OrganizationRoleName });
  }

  return (
    <li className="space-y-2 py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <span className="font-medium">{member.name}</span> {isYou && <span className="text-slate-600">({t("you")})</span>}
          <span className="block text-xs text-slate-600">{member.email}</span>
        </span>
        {canManage ? (
          <form onSubmit={submit} className="flex items-center gap-2">
            <label className="sr-only" htmlFor={`role-${member.userId}`}>
              {t("roleOf", { name: member.name })}
            </label>
            <select id={`role-${member.userId}`} name="role" defaultValue={member.role} className={SELECT}>
              {ORGANIZATION_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
            <button type="submit" disabled={changeRole.isPending} className={BUTTON}>
              {t("changeRole")}
            </button>
          </form>
        ) : (
          <span className="text-slate-600">{t(`role.${member.role}`)}</span>
        )}
      </div>
      {(canManage || isYou) && (
        <ConfirmStep
          trigger={isYou ? t("leave") : t("remove", { name: member.name })}
          groupLabel={t("confirmRemoveLabel", { name: member.name })}
          prompt={isYou ? t("confirmLeave") : t("confirmRemove", { name: member.name })}
          confirm={isYou ? t("leaveNow") : t("removeNow")}
          keep={t("keep")}
          pending={remove.isPending}
          onConfirm={(close) => remove.mutate(member.userId, { onSuccess: () => (isYou ? router.push("/organizer") : close()), onError: close })}
        />
      )}
      {error && <FormAlert>{problemText.message(error)}</FormAlert>}
    </li>
  );
}

function InviteForm({ orgId, mayInviteOwners }: { orgId: string; mayInviteOwners: boolean }) {
  const t = useTranslations("Organizer");
  const problemText = useProblemText();
  const invite = useInviteMember(orgId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [link, setLink] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setLink(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      { email: String(data.get("email")), role: data.get("role") as OrganizationRoleName },
      {
        onSuccess: (made) => (setLink(new URL(made.path, window.location.origin).href), form.reset()),
        onError: (e) => setErrors({ form: problemText.message(e), ...problemText.fields(e) }),
      },
    );
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="invite-heading" className="text-lg font-semibold">
        {t("invite")}
      </h2>
      <p className="text-sm text-slate-600">{t("inviteIntro")}</p>
      <form onSubmit={submit} className="space-y-3">
        {errors.form && !errors.email && <FormAlert>{errors.form}</FormAlert>}
        <TextField label={t("email")} name="email" type="email" autoComplete="off" required error={errors.email} />
        <div className="flex items-end justify-between gap-2">
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">{t("roleLabel")}</span>
            <select name="role" defaultValue="STAFF" className="rounded-md border border-slate-300 bg-white px-3 py-2">
              {ORGANIZATION_ROLES.filter((role) => mayInviteOwners || role !== "OWNER").map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={invite.isPending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {t("inviteButton")}
          </button>
        </div>
      </form>
      {link && <ShownOnce key={link} notice={t("copyLink")} value={link} testId="invite-link" copy={t("copy")} copied={t("copied")} />}
    </section>
  );
}
