"use client";

import { useSession } from "next-auth/react";
import { useEffect } from "react";
import { claimStoredValues } from "@/lib/client/stored-value";

/** Drops the browser's stored state whenever the signed-in account changes or signs out. */
export function StoredValuesOwner() {
  const { data, status } = useSession();
  const userId = status === "loading" ? undefined : (data?.user?.id ?? null);
  useEffect(() => {
    if (userId !== undefined) claimStoredValues(userId);
  }, [userId]);
  return null;
}
