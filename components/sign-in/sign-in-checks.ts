import { isEmail } from '../invitations/invitation-format.ts'

/** Digits in the emailed sign-in code (Supabase Auth's default `otp_length`). */
export const codeLength = 6

/** Why a typed address cannot be sent yet (a `signIn.problems` key), or null. The server still decides. */
export function emailProblem(email: string): 'email' | 'emailFormat' | null {
  if (email.trim() === '') return 'email'
  return isEmail(email) ? null : 'emailFormat'
}

/** The code as typed, without the spaces or dashes a mail app may copy with it ("123 456"). */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '')
}

/** Why a typed code cannot be sent yet (a `signIn.problems` key), or null. */
export function codeProblem(code: string): 'code' | null {
  return new RegExp(`^\\d{${codeLength}}$`).test(normalizeCode(code)) ? null : 'code'
}
