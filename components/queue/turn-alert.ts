"use client";

// Telling a fan who looked away that their turn came: a notification, a short chime and a
// flashing tab title. All of it is opt-in, switched on by a click (which is also what lets
// the page play sound and ask for notifications).

let audio: AudioContext | null = null;

function unlockSound() {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    // No Web Audio: the title and the notification still tell.
  }
}

/** Called from the click that turns alerts on: asks for notifications and unlocks sound. */
export async function prepareTurnAlert(): Promise<NotificationPermission | "unsupported"> {
  unlockSound();
  if (!("Notification" in window)) return "unsupported";
  return Notification.permission === "default" ? Notification.requestPermission() : Notification.permission;
}

/**
 * Alerts stay on across a reload, but a page may play sound only after a gesture on it:
 * the next tap or key anywhere unlocks it again. Returns the clean-up.
 */
export function unlockSoundOnNextGesture(): () => void {
  if (audio?.state === "running") return () => {};
  const events = ["pointerdown", "keydown"] as const;
  const unlock = () => {
    unlockSound();
    events.forEach((event) => window.removeEventListener(event, unlock));
  };
  events.forEach((event) => window.addEventListener(event, unlock));
  return () => events.forEach((event) => window.removeEventListener(event, unlock));
}

export function notificationPermission(): NotificationPermission | "unsupported" {
  return "Notification" in window ? Notification.permission : "unsupported";
}

function chime() {
  if (!audio || audio.state !== "running") return;
  const start = audio.currentTime;
  [660, 880].forEach((frequency, i) => {
    const tone = audio!.createOscillator();
    const volume = audio!.createGain();
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.2, start + i * 0.18);
    volume.gain.exponentialRampToValueAtTime(0.001, start + i * 0.18 + 0.16);
    tone.connect(volume).connect(audio!.destination);
    tone.start(start + i * 0.18);
    tone.stop(start + i * 0.18 + 0.17);
  });
}

// Flashes until the fan is back (focus, a visible tab, or any key or tap), for at most a minute.
function flashTitle(news: string) {
  let base = document.title;
  const timer = window.setInterval(() => {
    if (document.title !== news) base = document.title; // a navigation may have renamed the page
    document.title = document.title === news ? base : news;
  }, 1_000);
  const back = ["focus", "pointerdown", "keydown"] as const;
  const stop = () => {
    window.clearInterval(timer);
    if (document.title === news) document.title = base;
    back.forEach((event) => window.removeEventListener(event, stop));
    document.removeEventListener("visibilitychange", stopWhenVisible);
  };
  const stopWhenVisible = () => document.visibilityState === "visible" && stop();
  back.forEach((event) => window.addEventListener(event, stop));
  document.addEventListener("visibilitychange", stopWhenVisible);
  window.setTimeout(stop, 60_000);
}

/** The alert itself, worded by the page (in the fan's language). */
export function announceTurn(headline: string, body: string) {
  flashTitle(headline);
  chime();
  if (notificationPermission() !== "granted") return;
  try {
    const notification = new Notification(headline, { body, tag: "stagepass-turn" });
    notification.onclick = () => window.focus();
  } catch {
    // Chrome on Android shows notifications only through a service worker; the chime and title remain.
  }
}
