"use client";

import { useEffect, useState } from "react";

type Presence = { type: "hello" | "here" | "bye"; id: string };

/**
 * Whether another tab of this browser (so the same account) has the same channel open.
 * Tabs greet each other on a BroadcastChannel and say goodbye when they close.
 */
export function useOpenElsewhere(channelName: string): boolean {
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const id = crypto.randomUUID();
    const peers = new Set<string>();
    const channel = new BroadcastChannel(channelName);
    const say = (type: Presence["type"]) => channel.postMessage({ type, id } satisfies Presence);
    channel.onmessage = ({ data }: MessageEvent<Presence>) => {
      if (data.type === "bye") peers.delete(data.id);
      else peers.add(data.id);
      if (data.type === "hello") say("here");
      setElsewhere(peers.size > 0);
    };
    say("hello");
    const bye = () => say("bye");
    window.addEventListener("pagehide", bye);
    return () => {
      bye();
      window.removeEventListener("pagehide", bye);
      channel.close();
    };
  }, [channelName]);
  return elsewhere;
}
