"use client";

import { ApiProblem, apiFetch } from "@/lib/client/api";
import type { SolveMessage, SolveRequest } from "./entry-challenge.worker";

interface EntryChallenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

/**
 * The solved entry challenge for this concert's line, ready for the X-Entry-Challenge
 * header, or null when the line asks for none. Solved in a Web Worker, reporting progress.
 */
export async function solveEntryChallenge(concertId: string, onProgress: (share: number) => void): Promise<string | null> {
  let challenge: EntryChallenge;
  try {
    challenge = await apiFetch<EntryChallenge>(`/api/v1/concerts/${concertId}/queue/challenge`);
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 404) return null;
    throw error;
  }
  onProgress(0);
  const worker = new Worker(new URL("./entry-challenge.worker.ts", import.meta.url), { type: "module" });
  try {
    const number = await new Promise<number>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<SolveMessage>) => {
        if ("progress" in data) onProgress(data.progress);
        else if ("number" in data) resolve(data.number);
        else reject(new Error("The entry challenge could not be solved."));
      };
      worker.onerror = () => reject(new Error("The entry challenge could not be solved."));
      worker.postMessage({ challenge: challenge.challenge, salt: challenge.salt, max: challenge.maxnumber ?? 1_000_000 } satisfies SolveRequest);
    });
    onProgress(1);
    const { algorithm, salt, signature } = challenge;
    return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }));
  } finally {
    worker.terminate();
  }
}
