import { z } from "zod";
import { text } from "./text";

export const email = text()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be a valid email address"));

/** At least 10 characters mixing at least two of: letters, digits, other characters. */
export const newPassword = text()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters")
  .refine((value) => [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(value)).length >= 2, {
    message: "must mix at least two of letters, digits and symbols",
  });

export const signUpBody = z.object({
  email,
  password: newPassword,
  name: text().trim().min(1, "is required").max(80, "must be at most 80 characters"),
});
export type SignUpBody = z.infer<typeof signUpBody>;

export const changePasswordBody = z.object({
  // Only compared with the stored hash, never stored, so any length up to the limit is fine.
  currentPassword: text().min(1, "is required").max(128, "must be at most 128 characters"),
  newPassword,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userView>;
