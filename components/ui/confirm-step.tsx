"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { BUTTON, PRIMARY } from "./styles";

const CONFIRM = {
  danger: "rounded-md bg-red-700 px-3 py-1 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60",
  primary: PRIMARY,
};

interface ConfirmStepProps {
  /** The button that asks first. */
  trigger: ReactNode;
  triggerClassName?: string;
  /** What is about to happen, and the group's name for assistive technology. */
  prompt: ReactNode;
  groupLabel: string;
  confirm: ReactNode;
  keep: ReactNode;
  /** Called with a function that closes the step (on success or failure, as the caller decides). */
  onConfirm: (close: () => void) => void;
  pending?: boolean;
  tone?: keyof typeof CONFIRM;
}

/**
 * A button whose action is confirmed in a second step. Keyboard users land on the confirm
 * button when it opens, and back on the first button when they keep things as they are.
 */
export function ConfirmStep({ trigger, triggerClassName = BUTTON, prompt, groupLabel, confirm, keep, onConfirm, pending, tone = "danger" }: ConfirmStepProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [open]);
  const close = () => {
    refocus.current = true;
    setOpen(false);
  };

  if (!open) {
    return (
      <button ref={opener} type="button" className={triggerClassName} onClick={() => setOpen(true)}>
        {trigger}
      </button>
    );
  }
  return (
    <div role="group" aria-label={groupLabel} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-700">{prompt}</span>
      {/* The step exists to be answered: focus goes straight to its answer. */}
      <button type="button" autoFocus disabled={pending} onClick={() => onConfirm(close)} className={CONFIRM[tone]}>
        {confirm}
      </button>
      <button type="button" onClick={close} className={BUTTON}>
        {keep}
      </button>
    </div>
  );
}
