import { describe, expect, it } from 'vitest'
import { outcomeOfCode, outcomeOfStatus, passwordProblem, takeInviteToken } from '../../../components/accept-invitation/invite-token.ts'

describe('invite-token', () => {
  it('takes the token from the fragment and clears it from the address bar', () => {
    const calls: unknown[][] = []
    const history = { state: null, replaceState: (...args: unknown[]) => void calls.push(args) }
    expect(takeInviteToken({ hash: '#token=abc_-1', pathname: '/accept-invitation', search: '?x=1' }, history)).toBe('abc_-1')
    expect(calls).toEqual([[null, '', '/accept-invitation?x=1']])
    expect(takeInviteToken({ hash: '', pathname: '/accept-invitation', search: '' }, history)).toBe('')
    expect(calls).toHaveLength(1)
  })

  it.each([
    ['1234567', undefined, 'tooShort'],
    ['12345678', undefined, null],
    ['12345678', '1234567x', 'mismatch'],
    ['я'.repeat(36), undefined, null],
    ['я'.repeat(37), undefined, 'tooLong'],
  ])('passwordProblem(%s, %s) is %s', (password, confirmation, problem) => {
    expect(passwordProblem(password, confirmation)).toBe(problem)
  })

  it.each([['RC401', 'invalid'], ['RC402', 'expired'], ['RC403', 'revoked'], ['RC404', 'used'], ['RC405', 'member'], ['RC407', 'otherEmail'], ['invalid_credentials', undefined]])(
    'outcomeOfCode(%s) is %s', (code, outcome) => expect(outcomeOfCode(code)).toBe(outcome),
  )

  it.each([['pending', undefined], ['expired', 'expired'], ['revoked', 'revoked'], ['accepted', 'used'], ['declined', 'used']] as const)(
    'outcomeOfStatus(%s) is %s', (status, outcome) => expect(outcomeOfStatus(status)).toBe(outcome),
  )
})
