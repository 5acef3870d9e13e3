"use client";

import { useEffect, useState } from "react";

type Presence = { type: "hello" | "here" | "bye"; id: string };

// A tab says it is here this often; one not heard from for a while (closed without a
// goodbye, frozen, or killed) is forgotten.
const HEARTBEAT_MS = 10_000;
const FORGET_AFTER_MS = 25_000;

/**
 * Whether another tab of this browser (so the same account) has the same channel open.
 * Tabs greet each other on a BroadcastChannel, repeat it now and then, and say goodbye
 * when they close.
 */
export function useOpenElsewhere(channelName: string): boolean {
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    // Not crypto.randomUUID: it exists only on secure origins (a phone on a LAN address is not one).
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const peers = new Map<string, number>();
    const channel = new BroadcastChannel(channelName);
    const say = (type: Presence["type"]) => channel.postMessage({ type, id } satisfies Presence);
    const update = () => {
      for (const [peer, seen] of peers) if (Date.now() - seen > FORGET_AFTER_MS) peers.delete(peer);
      setElsewhere(peers.size > 0);
    };
    channel.onmessage = ({ data }: MessageEvent<Presence>) => {
      if (data.type === "bye") peers.delete(data.id);
      else peers.set(data.id, Date.now());
      if (data.type === "hello") say("here");
      update();
    };
    const hello = () => say("hello");
    const bye = () => say("bye");
    hello();
    const heartbeat = window.setInterval(() => {
      say("here");
      update();
    }, HEARTBEAT_MS);
    window.addEventListener("pagehide", bye);
    window.addEventListener("pageshow", hello); // back from the back/forward cache
    return () => {
      bye();
      window.clearInterval(heartbeat);
      window.removeEventListener("pagehide", bye);
      window.removeEventListener("pageshow", hello);
      channel.close();
    };
  }, [channelName]);
  return elsewhere;
}
