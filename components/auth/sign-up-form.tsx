"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { TextField } from "@/components/ui/text-field";
import { FormAlert } from "@/components/ui/form-alert";

export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name")), email: String(form.get("email")), password: String(form.get("password")) };
    setPending(true);
    setErrors({});
    setMessage(null);
    try {
      await apiFetch("/api/v1/users", { method: "POST", json: input });
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (result?.error) throw new Error("Your account was created, but signing in failed. Try signing in.");
      router.push("/");
      router.refresh();
    } catch (error) {
      if (error instanceof ApiProblem) setErrors(error.fieldErrors());
      setMessage(error instanceof Error ? error.message : "Sign-up failed.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <FormAlert>{message}</FormAlert>}
      <TextField label="Name" name="name" autoComplete="name" required error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters, mixing letters with digits or symbols."
        error={errors.password}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
