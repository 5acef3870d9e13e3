// /api/auth/* – next-auth sign-in, sign-out, session and CSRF endpoints
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { otherMethods } from "@/lib/http/method-not-allowed";

type Segment = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, segment: Segment) {
  return NextAuth(request, segment, authOptions());
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods({ GET: handler, POST: handler });
