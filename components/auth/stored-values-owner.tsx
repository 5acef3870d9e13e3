"use client";

import { useSession } from "next-auth/react";
import { useEffect } from "react";
import { claimStoredValues } from "@/lib/client/stored-value";

/**
 * Drops the browser's stored state when another account signs in. Signing out drops it
 * itself (SignOutButton); a session that merely failed to load (offline for a moment)
 * must not cost anyone their place in line, so it drops nothing — pages hide per-user
 * state while nobody is signed in.
 */
export function StoredValuesOwner() {
  const userId = useSession().data?.user?.id;
  useEffect(() => {
    if (userId) claimStoredValues(userId);
  }, [userId]);
  return null;
}
