import { z } from "zod";

/** An id in a request: any UUID spelling, normalised to the lower case the database uses. */
export const idParam = (message: string) => z.uuid(message).transform((value) => value.toLowerCase());
