import { createHash, randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectDbError, runRequest, serviceRole, useTestDatabase, user, only } from '../support/db.ts'
import { createOrg, type TestOrg } from '../support/orgs.ts'
import { functionWrapped, viaFunctions } from './function-paths.ts'

// Invariant 6: an invitation token is single-use, expires, dies when resent or revoked, and
// accepting is atomic. Plus the rules of who may invite whom (no escalation through invitations).

// NOTE: accept_invitation runs as the accept function calls it (accept_invitation_as), see function-paths.ts
const raw = await useTestDatabase()
const db = viaFunctions(raw)

interface Invitation {
  id: string
  email: string
  role_id: string
  status: string
  expires_at: Date
  send_count: number
  token_hash: Buffer
}

function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: createHash('sha256').update(token).digest() }
}

let lastIp = 0
/** A different documentation address per call, so the per-address limit only counts where a test means it to. */
function nextIp(): string {
  lastIp = (lastIp + 1) % 250
  return `198.51.100.${lastIp + 1}`
}

/** Invites as the edge function does: service role, acting for the inviter. */
async function invite(org: TestOrg, inviter: string, email: string, roleKey: string, extra: Record<string, unknown> = {}) {
  const { token, hash } = newToken()
  const [invitation] = await db.rpc<Invitation>(serviceRole, 'create_invitation', {
    p_actor: inviter, p_org: org.orgId, p_email: email, p_role: org.roles[roleKey], p_token_hash: hash,
    p_client_ip: nextIp(), ...extra,
  })
  return { invitation: invitation!, token, hash }
}

/** Makes the organizations' users a month old: accounts younger than a day have a lower invitation limit. */
async function established(...orgs: TestOrg[]) {
  const ids = orgs.flatMap((o) => [o.primary.userId, ...Object.values(o.members).map((m) => m.userId)])
  await db.sql(`update auth.users set created_at = now() - interval '30 days' where id = any($1)`, [ids])
}

let org: TestOrg
let paycove: TestOrg
let admin: string

beforeAll(async () => {
  org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor', 'cardholder'] })
  paycove = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'standard'] })
  await established(org, paycove)
  admin = org.primary.userId
})

describe('creating an invitation', () => {
  it('stores only the token hash, with the organization lifetime, one send, and an audit event with the client IP', async () => {
    const { invitation, hash } = await invite(org, admin, 'New.Person@Example.test', 'contributor', { p_grants: ['reports.view'], p_allowlist: ['203.0.113.0/24'], p_client_ip: '198.51.100.7' })
    expect(invitation.email).toBe('new.person@example.test')
    expect(invitation.status).toBe('pending')
    expect(invitation.send_count).toBe(1)
    expect(Buffer.compare(invitation.token_hash, hash)).toBe(0)
    const { hours } = only(await db.sql<{ hours: number }>(
      `select round(extract(epoch from expires_at - created_at) / 3600)::int as hours from rolecall.invitations where id = $1`, [invitation.id]))
    expect(hours).toBe(72)
    const events = await db.sql<{ action: string; actor_id: string; request_ip: string }>(
      `select action, actor_id, host(request_ip) as request_ip from rolecall.audit_events where subject_id = $1`, [invitation.id])
    expect(events).toEqual([{ action: 'invitations.create', actor_id: admin, request_ip: '198.51.100.7' }])
  })

  it('cannot be called by signed-in users directly (they could choose the token)', async () => {
    const { hash } = newToken()
    await expectDbError(db.rpc(user(admin), 'create_invitation', {
      p_actor: admin, p_org: org.orgId, p_email: 'x@example.test', p_role: org.roles.contributor, p_token_hash: hash,
    }), '42501')
  })

  it.each([
    ['a member without members.invite', () => org.members.cardholder!.userId, 'contributor', {}, 'x1@example.test', 'RC103'],
    ['a role ranked at the inviter\'s own', () => org.members.administrator!.userId, 'administrator', {}, 'x2@example.test', 'RC104'],
    ['a permission the inviter does not hold', () => org.members.administrator!.userId, 'contributor', { p_grants: ['settings.manage'] }, 'x3@example.test', 'RC107'],
    ['an unknown permission', () => admin, 'contributor', { p_grants: ['bills.fly'] }, 'x4@example.test', 'RC301'],
    ['checkboxes for a role that takes none', () => admin, 'cardholder', { p_grants: ['bills.view'] }, 'x5@example.test', 'RC109'],
    ['an invalid IP range', () => admin, 'contributor', { p_allowlist: ['10.0.0.300/8'] }, 'x6@example.test', 'RC303'],
    ['an invalid email', () => admin, 'contributor', {}, 'not-an-email', 'RC408'],
    ['a spreadsheet formula as the address', () => admin, 'contributor', {}, '=hyperlink("http://x")@x.io', 'RC408'],
    ['angle brackets in the address', () => admin, 'contributor', {}, '<script>@x.io', 'RC408'],
    ['a quoted local part', () => admin, 'contributor', {}, '"a b"@x.io', 'RC408'],
    ['a leading formula character', () => admin, 'contributor', {}, '+cmd@x.io', 'RC408'],
    ['a line break in the address', () => admin, 'contributor', {}, 'a@x.io\nbcc: b@y.io', 'RC408'],
    ['two dots in a row', () => admin, 'contributor', {}, 'a..b@x.io', 'RC408'],
    ['a domain without a dot', () => admin, 'contributor', {}, 'a@localhost', 'RC408'],
    ['an existing member', () => admin, 'contributor', {}, '', 'RC405'],
  ])('refuses %s', async (_case, inviter, roleKey, extra, email, code) => {
    const before = await db.sql('select count(*) from rolecall.invitations')
    await expectDbError(invite(org, inviter(), email || org.members.contributor!.email, roleKey, extra), code)
    expect(await db.sql('select count(*) from rolecall.invitations')).toEqual(before)
  })

  it('keeps ordinary addresses (plus tags, apostrophes, subdomains, upper case)', async () => {
    for (const email of ['first.last+tag@mail.example.co.uk', "o'neil@example.test", 'UPPER@Example.TEST']) {
      const { invitation } = await invite(org, admin, email, 'contributor')
      expect(invitation.email).toBe(email.toLowerCase())
    }
  })

  it('the table itself refuses an invalid address, whoever inserts it (check constraint)', async () => {
    await expectDbError(db.request(serviceRole,
      `insert into rolecall.invitations (organization_id, email, role_id, token_hash, expires_at)
       values ($1, '<script>@x.io', $2, $3, now() + interval '1 day')`, [org.orgId, org.roles.contributor, newToken().hash]), '23514')
  })

  it('allows one pending invitation per email and organization', async () => {
    await invite(org, admin, 'twice@example.test', 'contributor')
    await expectDbError(invite(org, admin, 'twice@example.test', 'contributor'), 'RC406')
  })

  it('replaces a pending invitation that has expired', async () => {
    const { invitation } = await invite(org, admin, 'stale@example.test', 'contributor')
    await db.sql(`update rolecall.invitations set expires_at = now() - interval '1 minute' where id = $1`, [invitation.id])
    const { invitation: fresh } = await invite(org, admin, 'stale@example.test', 'contributor')
    const rows = await db.sql<{ id: string; status: string }>(`select id, status from rolecall.invitations where email = 'stale@example.test' order by created_at`)
    expect(rows).toEqual([{ id: invitation.id, status: 'expired' }, { id: fresh.id, status: 'pending' }])
  })

  it('single-admin mode: nobody is invited as Admin; a Manager may invite standard users only', async () => {
    await expectDbError(invite(paycove, paycove.primary.userId, 'boss@example.test', 'admin'), 'RC108')
    await expectDbError(invite(paycove, paycove.members.manager!.userId, 'mgr@example.test', 'manager'), 'RC104')
    const { invitation } = await invite(paycove, paycove.members.manager!.userId, 'std@example.test', 'standard')
    expect(invitation.status).toBe('pending')
  })
})

describe('accepting', () => {
  it('joins with the invited role, checkboxes and allowlist, once', async () => {
    const email = 'joiner@example.test'
    const { invitation, hash } = await invite(org, admin, email, 'contributor', { p_grants: ['reports.view'], p_allowlist: ['203.0.113.0/24'] })
    const joiner = await db.createUser(email)
    const [member] = await db.rpc<{ role_id: string; ip_allowlist: string[] }>(user(joiner, { email }), 'accept_invitation', { p_token_hash: hash })
    expect(member!.role_id).toBe(org.roles.contributor)
    expect(member!.ip_allowlist).toEqual(['203.0.113.0/24'])
    const overrides = await db.sql(`select permission_key, effect from rolecall.member_overrides o join rolecall.members m on m.id = o.member_id where m.user_id = $1`, [joiner])
    expect(overrides).toEqual([{ permission_key: 'reports.view', effect: 'grant' }])
    const [row] = await db.sql<{ status: string; accepted_by: string }>('select status, accepted_by from rolecall.invitations where id = $1', [invitation.id])
    expect(row).toEqual({ status: 'accepted', accepted_by: joiner })
    await expectDbError(db.rpc(user(joiner, { email }), 'accept_invitation', { p_token_hash: hash }), 'RC404')
  })

  it('refuses an unknown link, another email, an expired and a revoked invitation', async () => {
    const stranger = await db.createUser('stranger@example.test')
    await expectDbError(db.rpc(user(stranger), 'accept_invitation', { p_token_hash: newToken().hash }), 'RC401')

    const { hash } = await invite(org, admin, 'someone@example.test', 'contributor')
    await expectDbError(db.rpc(user(stranger), 'accept_invitation', { p_token_hash: hash }), 'RC407')

    const late = await invite(org, admin, 'late@example.test', 'contributor')
    await db.sql(`update rolecall.invitations set expires_at = now() - interval '1 second' where id = $1`, [late.invitation.id])
    const lateUser = await db.createUser('late@example.test')
    await expectDbError(db.rpc(user(lateUser), 'accept_invitation', { p_token_hash: late.hash }), 'RC402')

    const revoked = await invite(org, admin, 'revoked@example.test', 'contributor')
    await db.rpc(user(admin), 'revoke_invitation', { p_invitation: revoked.invitation.id })
    const revokedUser = await db.createUser('revoked@example.test')
    await expectDbError(db.rpc(user(revokedUser), 'accept_invitation', { p_token_hash: revoked.hash }), 'RC403')
    expect(await db.sql('select 1 from rolecall.members where user_id = any($1)', [[lateUser, revokedUser, stranger]])).toEqual([])
  })

  it('by id (from the extension, without the link) only for an email confirmed before the invitation was sent', async () => {
    const email = 'by-id@example.test'
    const invitee = await db.createUser(email)
    await db.sql(`update auth.users set email_confirmed_at = now() - interval '1 day' where id = $1`, [invitee])
    const { invitation } = await invite(org, admin, email, 'contributor')
    const [member] = await db.rpc<{ user_id: string }>(user(invitee), 'accept_invitation', { p_invitation: invitation.id })
    expect(member!.user_id).toBe(invitee)
  })

  // Hole 3: with confirmations off, signing up with the invited address gives a "confirmed" email at
  // once; invitation_list shows the id. Neither accepting nor declining by id may work for it.
  it('by id: refused (RC410) to an account made or confirmed after the invitation, and to an unconfirmed one; the link still works', async () => {
    const email = 'squatter@example.test'
    const { invitation, hash } = await invite(org, admin, email, 'contributor')
    const squatter = await db.createUser(email) // email_confirmed_at = now(), after the invitation
    const seen = await db.request<{ id: string }>(user(squatter, { email }), 'select id from rolecall.invitation_list')
    expect(seen).toEqual([{ id: invitation.id }])
    for (const fn of ['accept_invitation', 'decline_invitation']) {
      const error = await expectDbError(db.rpc(user(squatter, { email }), fn, { p_invitation: invitation.id }), 'RC410')
      expect(error.message).toContain('link')
    }
    // a resend does not launder it: the rule compares with the invitation's creation, not its last send
    await db.rpc(serviceRole, 'resend_invitation', { p_actor: admin, p_invitation: invitation.id, p_token_hash: newToken().hash })
    await expectDbError(db.rpc(user(squatter), 'accept_invitation', { p_invitation: invitation.id }), 'RC410')
    await db.sql('update auth.users set email_confirmed_at = null where id = $1', [squatter])
    await expectDbError(db.rpc(user(squatter), 'accept_invitation', { p_invitation: invitation.id }), 'RC410')
    const [row] = await db.sql<{ status: string }>('select status from rolecall.invitations where id = $1', [invitation.id])
    expect(row!.status).toBe('pending')
    expect(await db.sql('select 1 from rolecall.members where user_id = $1', [squatter])).toEqual([])
    // the old link died with the resend; whoever holds the current link (the mailbox) may answer
    await expectDbError(db.rpc(user(squatter), 'accept_invitation', { p_token_hash: hash }), 'RC401')
  })

  it('is atomic when two clients race with the same link: exactly one joins', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `race-${round}@example.test`
      const { hash } = await invite(org, admin, email, 'contributor')
      const invitee = await db.createUser(email)
      const clients = await Promise.all([db.pool.connect(), db.pool.connect()])
      try {
        const results = await Promise.allSettled(clients.map((client) =>
          runRequest(client, serviceRole, 'select * from rolecall.accept_invitation_as(p_actor => $1, p_token_hash => $2)', [invitee, hash])))
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
        expect(rejected.reason.code).toBe('RC404')
      } finally {
        for (const client of clients) client.release()
      }
      expect(await db.sql('select count(*)::int as n from rolecall.members where user_id = $1', [invitee])).toEqual([{ n: 1 }])
    }
  })

  it('declining uses the invitation up', async () => {
    const email = 'no-thanks@example.test'
    const { hash } = await invite(org, admin, email, 'contributor')
    const invitee = await db.createUser(email)
    const [declined] = await db.rpc<{ status: string }>(user(invitee), 'decline_invitation', { p_token_hash: hash })
    expect(declined!.status).toBe('declined')
    await expectDbError(db.rpc(user(invitee), 'accept_invitation', { p_token_hash: hash }), 'RC404')
  })
})

describe('resending and revoking', () => {
  // NOTE: a fresh organization and inviter per group, so the hourly limit of the groups above does not apply
  beforeAll(async () => {
    org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor', 'cardholder'] })
    await established(org)
    admin = org.primary.userId
  })

  it('resend: a new token, the old link dead at once, expiry restarted, send count grown', async () => {
    const email = 'resend@example.test'
    const first = await invite(org, admin, email, 'contributor')
    await db.sql(`update rolecall.invitations set expires_at = now() + interval '1 hour' where id = $1`, [first.invitation.id])
    const second = newToken()
    const [resent] = await db.rpc<Invitation>(serviceRole, 'resend_invitation', { p_actor: admin, p_invitation: first.invitation.id, p_token_hash: second.hash })
    expect(resent!.send_count).toBe(2)
    expect(resent!.expires_at.getTime() - Date.now()).toBeGreaterThan(71 * 3600 * 1000)
    const invitee = await db.createUser(email)
    await expectDbError(db.rpc(user(invitee), 'accept_invitation', { p_token_hash: first.hash }), 'RC401')
    await db.rpc(user(invitee), 'accept_invitation', { p_token_hash: second.hash })
  })

  it('resend re-opens an expired invitation but not a revoked or used one', async () => {
    const expired = await invite(org, admin, 'reopen@example.test', 'contributor')
    await db.sql(`update rolecall.invitations set expires_at = now() - interval '1 day' where id = $1`, [expired.invitation.id])
    const [reopened] = await db.rpc<Invitation>(serviceRole, 'resend_invitation', { p_actor: admin, p_invitation: expired.invitation.id, p_token_hash: newToken().hash })
    expect(reopened!.status).toBe('pending')

    const revoked = await invite(org, admin, 'gone@example.test', 'contributor')
    await db.rpc(user(admin), 'revoke_invitation', { p_invitation: revoked.invitation.id })
    await expectDbError(db.rpc(serviceRole, 'resend_invitation', { p_actor: admin, p_invitation: revoked.invitation.id, p_token_hash: newToken().hash }), 'RC403')
  })

  it('only inviters who may assign the role revoke', async () => {
    const { invitation } = await invite(org, admin, 'keep@example.test', 'administrator')
    await expectDbError(db.rpc(user(org.members.cardholder!.userId), 'revoke_invitation', { p_invitation: invitation.id }), 'RC103')
    await expectDbError(db.rpc(user(org.members.administrator!.userId), 'revoke_invitation', { p_invitation: invitation.id }), 'RC104')
    const [row] = await db.sql<{ status: string }>('select status from rolecall.invitations where id = $1', [invitation.id])
    expect(row!.status).toBe('pending')
  })
})

describe('listing', () => {
  beforeAll(async () => {
    org = await createOrg(db, 'profit', { roles: ['owner', 'cardholder'] })
    await established(org)
    admin = org.primary.userId
  })

  it('inviters see the organization\'s invitations with expired ones marked; invitees see their own; others none', async () => {
    const { invitation } = await invite(org, admin, 'listed@example.test', 'contributor')
    await db.sql(`update rolecall.invitations set expires_at = now() - interval '1 minute' where id = $1`, [invitation.id])
    const mine = await db.request<{ status: string }>(user(admin), 'select status from rolecall.invitation_list where id = $1', [invitation.id])
    expect(mine).toEqual([{ status: 'expired' }])
    const invitee = await db.createUser('listed@example.test')
    expect(await db.request(user(invitee, { email: 'listed@example.test' }), 'select id from rolecall.invitation_list')).toEqual([{ id: invitation.id }])
    expect(await db.request(user(org.members.cardholder!.userId), 'select id from rolecall.invitation_list where id = $1', [invitation.id])).toEqual([])
  })
})

describe('rate limits', () => {
  it('stops an organization after 50 invitation emails in an hour, whoever sends them', async () => {
    const busy = await createOrg(db, 'blank')
    // 50 sends by other inviters within the hour, as the audit trail records them
    await db.sql(
      `insert into rolecall.audit_events (organization_id, actor_id, actor_role, action, subject_type, subject_id)
       select $1, gen_random_uuid(), 'authenticated', 'invitations.create', 'invitations', gen_random_uuid()::text from generate_series(1, 50)`,
      [busy.orgId])
    const error = await expectDbError(invite(busy, busy.primary.userId, 'one-too-many@example.test', 'member'), 'RC409')
    expect(error.detail).toContain('per organization')
  })

  it('stops an inviter after 20 invitations in an hour with RC409, and changes nothing', async () => {
    const busy = await createOrg(db, 'blank')
    await established(busy)
    for (let i = 0; i < 20; i++) await invite(busy, busy.primary.userId, `bulk-${i}@example.test`, 'member')
    const error = await expectDbError(invite(busy, busy.primary.userId, 'bulk-20@example.test', 'member'), 'RC409')
    expect(error.detail).toContain('per inviter')
    expect(await db.sql('select count(*)::int as n from rolecall.invitations where organization_id = $1', [busy.orgId])).toEqual([{ n: 20 }])
  })

  it('stops an account younger than a day after 5 invitations in an hour (three fresh sign-ups: 15, not 60)', async () => {
    const fresh = await createOrg(db, 'blank')
    for (let i = 0; i < 5; i++) await invite(fresh, fresh.primary.userId, `fresh-${i}@example.test`, 'member')
    const error = await expectDbError(invite(fresh, fresh.primary.userId, 'fresh-5@example.test', 'member'), 'RC409')
    expect(error.detail).toContain('accounts younger than')
    await established(fresh)
    await invite(fresh, fresh.primary.userId, 'fresh-5@example.test', 'member')
  })

  it('stops a client address after 40 invitation emails in an hour, across inviters and organizations', async () => {
    const ip = '192.0.2.99'
    const orgs = [await createOrg(db, 'blank'), await createOrg(db, 'blank'), await createOrg(db, 'blank')]
    await established(...orgs)
    for (let i = 0; i < 40; i++) await invite(orgs[i % 3]!, orgs[i % 3]!.primary.userId, `same-net-${i}@example.test`, 'member', { p_client_ip: ip })
    const error = await expectDbError(invite(orgs[2]!, orgs[2]!.primary.userId, 'same-net-40@example.test', 'member', { p_client_ip: ip }), 'RC409')
    expect(error.detail).toContain('per client address')
    await invite(orgs[2]!, orgs[2]!.primary.userId, 'same-net-40@example.test', 'member', { p_client_ip: '192.0.2.100' })
  })

  it('takes its limits from rolecall_private.invitation_settings, which operators change', async () => {
    const tuned = await createOrg(db, 'blank')
    await established(tuned)
    await db.sql('update rolecall_private.invitation_settings set per_inviter = 2')
    try {
      for (let i = 0; i < 2; i++) await invite(tuned, tuned.primary.userId, `tuned-${i}@example.test`, 'member')
      const error = await expectDbError(invite(tuned, tuned.primary.userId, 'tuned-2@example.test', 'member'), 'RC409')
      expect(error.detail).toBe('limit 2 per hour per inviter')
    } finally {
      await db.sql('update rolecall_private.invitation_settings set per_inviter = 20')
    }
    await expectDbError(db.request(user(tuned.primary.userId), 'select * from rolecall_private.invitation_settings'), '42501')
  })
})

describe('function-wrapped: accept_invitation', () => {
  it('is not executable by signed-in users (the accept function emails the admins); accept_invitation_as is service-only', async () => {
    expect(functionWrapped).toContain('accept_invitation')
    const email = 'direct@example.test'
    const { hash } = await invite(org, admin, email, 'contributor')
    const invitee = await raw.createUser(email)
    await expectDbError(raw.rpc(user(invitee, { email }), 'accept_invitation', { p_token_hash: hash }), '42501')
    await expectDbError(raw.rpc(user(invitee, { email }), 'accept_invitation_as', { p_actor: invitee, p_token_hash: hash }), '42501')
    const [member] = await raw.rpc<{ user_id: string }>(serviceRole, 'accept_invitation_as', { p_actor: invitee, p_token_hash: hash })
    expect(member!.user_id).toBe(invitee)
  })
})

describe('payments platform: "Unique email addresses must be used for creating Users, i.e., emails not assigned to other Users"', () => {
  let payments: TestOrg
  let elsewhere: TestOrg
  let taken: string

  beforeAll(async () => {
    payments = await createOrg(db, 'payments_platform', { roles: ['admin', 'admin:2'] })
    elsewhere = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await established(payments, elsewhere)
    taken = elsewhere.members.user!.email
  })

  it('is on in organizations made from the payments-platform template and off elsewhere', async () => {
    const rows = await db.sql<{ id: string; unique_member_emails: boolean }>(
      'select id, unique_member_emails from rolecall.organizations where id = any($1)', [[payments.orgId, elsewhere.orgId, org.orgId]])
    expect(Object.fromEntries(rows.map((r) => [r.id, r.unique_member_emails])))
      .toEqual({ [payments.orgId]: true, [elsewhere.orgId]: false, [org.orgId]: false })
  })

  it('refuses to invite an address that is a member of another organization (RC411), whatever its case or status', async () => {
    const error = await expectDbError(invite(payments, payments.primary.userId, taken.toUpperCase(), 'admin'), 'RC411')
    expect(error.detail).toBe(taken)
    await db.sql(`update rolecall.members set status = 'deactivated', deactivated_at = now() where id = $1`, [elsewhere.members.user!.memberId])
    await expectDbError(invite(payments, payments.primary.userId, taken, 'admin'), 'RC411')
    await db.sql(`update rolecall.members set status = 'active', deactivated_at = null where id = $1`, [elsewhere.members.user!.memberId])
    expect(await db.sql('select 1 from rolecall.invitations where email = $1', [taken])).toEqual([])
  })

  it('an organization without the setting invites that address', async () => {
    const other = await createOrg(db, 'profit', { roles: ['owner'] })
    await established(other)
    const { invitation } = await invite(other, other.primary.userId, taken, 'contributor')
    expect(invitation.status).toBe('pending')
  })

  it('refuses accepting when the address joined another organization after the invitation was sent (RC411)', async () => {
    const email = 'later.elsewhere@example.test'
    const { hash } = await invite(payments, payments.primary.userId, email, 'admin')
    const person = await db.createUser(email)
    await db.sql('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3)', [elsewhere.orgId, person, elsewhere.roles.user])
    await expectDbError(db.rpc(user(person, { email }), 'accept_invitation', { p_token_hash: hash }), 'RC411')
    expect(await db.sql('select 1 from rolecall.members where organization_id = $1 and user_id = $2', [payments.orgId, person])).toEqual([])
  })

  it('set_unique_member_emails turns it off and on (settings.manage), and an unused address is invited either way', async () => {
    const other = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await expectDbError(db.rpc(user(other.members.user!.userId), 'set_unique_member_emails', { p_org: other.orgId, p_on: true }), 'RC103')
    await expectDbError(db.rpc(user(payments.primary.userId), 'set_unique_member_emails', { p_org: payments.orgId, p_on: null }), 'RC308')
    const [off] = await db.rpc<{ unique_member_emails: boolean }>(user(payments.primary.userId), 'set_unique_member_emails', { p_org: payments.orgId, p_on: false })
    expect(off!.unique_member_emails).toBe(false)
    await invite(payments, payments.primary.userId, taken, 'admin')
    const [on] = await db.rpc<{ unique_member_emails: boolean }>(user(payments.primary.userId), 'set_unique_member_emails', { p_org: payments.orgId, p_on: true })
    expect(on!.unique_member_emails).toBe(true)
    const { invitation } = await invite(payments, payments.primary.userId, 'fresh.address@example.test', 'admin')
    expect(invitation.status).toBe('pending')
  })
})

describe('resource grants on invitations (Jusnote: "Адміністратор може визначити доступ … безпосередньо при запрошенні"; Profit: "tailored access to specific budgets")', () => {
  let profit: TestOrg
  let projects: string[]
  let budget: string
  let foreignBudget: string
  let inviter: TestOrg['primary']

  beforeAll(async () => {
    profit = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    const stranger = await createOrg(db, 'profit', { roles: ['owner'] })
    await established(profit, stranger)
    inviter = profit.members.administrator!
    projects = []
    for (const name of ['P1', 'P2']) {
      projects.push(only(await db.sql<{ id: string }>('insert into example.projects (organization_id, name) values ($1, $2) returning id', [profit.orgId, name])).id)
    }
    budget = only(await db.sql<{ id: string }>("insert into example.budgets (organization_id, name) values ($1, 'Travel') returning id", [profit.orgId])).id
    foreignBudget = only(await db.sql<{ id: string }>("insert into example.budgets (organization_id, name) values ($1, 'Theirs') returning id", [stranger.orgId])).id
    // the Administrator reaches every budget (budgets.view_all) but only the projects granted to it
    await db.rpc(user(profit.primary.userId), 'set_resource_grants', { p_member: inviter.memberId, p_resource_type: 'project', p_resource_ids: [projects[0]] })
  })

  async function grantsOf(userId: string) {
    return db.sql<{ resource_type: string; resource_id: string; granted_by: string }>(
      `select g.resource_type, g.resource_id, g.granted_by from rolecall.resource_grants g join rolecall.members m on m.id = g.member_id
        where m.user_id = $1 order by g.resource_type, g.resource_id`, [userId])
  }

  it('are stored on the invitation and applied on accept, granted by the inviter', async () => {
    const email = 'with.resources@example.test'
    const { invitation, hash } = await invite(profit, inviter.userId, email, 'contributor',
      { p_resource_grants: { project: [projects[0]], budget: [` ${budget} `] } })
    const [listed] = await db.sql<{ resource_grants: Record<string, string[]> }>('select resource_grants from rolecall.invitation_list where id = $1', [invitation.id])
    expect(listed!.resource_grants).toEqual({ budget: [budget], project: [projects[0]] })
    const person = await db.createUser(email)
    await db.rpc(user(person, { email }), 'accept_invitation', { p_token_hash: hash })
    expect(await grantsOf(person)).toEqual([
      { resource_type: 'budget', resource_id: budget, granted_by: inviter.userId },
      { resource_type: 'project', resource_id: projects[0], granted_by: inviter.userId },
    ])
  })

  it.each([
    ['a project the inviter cannot reach itself', 'RC107', () => ({ project: [projects[1]] })],
    ['another organization\u2019s budget', 'RC305', () => ({ budget: [foreignBudget] })],
    ['a budget that does not exist', 'RC306', () => ({ budget: ['00000000-0000-4000-8000-000000000000'] })],
    ['an unregistered resource type', 'RC308', () => ({ spaceship: ['x'] })],
    ['ids that are not a list', 'RC308', () => ({ project: projects[0] })],
    // NOTE: stringified: the pg driver would send a JS array as a Postgres array, PostgREST sends JSON
    ['a list instead of an object', 'RC308', () => JSON.stringify([projects[0]])],
  ])('no escalation at invite time, as set_resource_grants: refuses %s (%s)', async (_, code, grants) => {
    const email = `refused.${code.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@example.test`
    await expectDbError(invite(profit, inviter.userId, email, 'contributor', { p_resource_grants: grants() }), code)
    expect(await db.sql('select 1 from rolecall.invitations where email = $1', [email])).toEqual([])
  })

  it('the Owner (all permissions) shares any project of the organization', async () => {
    const { invitation } = await invite(profit, profit.primary.userId, 'owner.shares@example.test', 'contributor', { p_resource_grants: { project: projects } })
    const [row] = await db.sql<{ resource_grants: Record<string, string[]> }>('select resource_grants from rolecall.invitations where id = $1', [invitation.id])
    expect(row!.resource_grants.project!.sort()).toEqual([...projects].sort())
  })

  it('are checked again on accept: access the inviter lost in between is not handed out (RC107), and nothing joins', async () => {
    const email = 'lost.access@example.test'
    const { hash } = await invite(profit, inviter.userId, email, 'contributor', { p_resource_grants: { project: [projects[0]] } })
    await db.rpc(user(profit.primary.userId), 'set_resource_grants', { p_member: inviter.memberId, p_resource_type: 'project', p_resource_ids: [] })
    const person = await db.createUser(email)
    await expectDbError(db.rpc(user(person, { email }), 'accept_invitation', { p_token_hash: hash }), 'RC107')
    expect(await db.sql('select 1 from rolecall.members where user_id = $1', [person])).toEqual([])
    await db.rpc(user(profit.primary.userId), 'set_resource_grants', { p_member: inviter.memberId, p_resource_type: 'project', p_resource_ids: [projects[0]] })
    await db.rpc(user(person, { email }), 'accept_invitation', { p_token_hash: hash })
    expect((await grantsOf(person)).map((g) => g.resource_id)).toEqual([projects[0]])
  })

  it('are refused on accept when the inviter was deactivated, or the resource deleted (RC107 / RC306)', async () => {
    const email = 'deleted.budget@example.test'
    const doomed = only(await db.sql<{ id: string }>("insert into example.budgets (organization_id, name) values ($1, 'Doomed') returning id", [profit.orgId])).id
    const { hash } = await invite(profit, inviter.userId, email, 'contributor', { p_resource_grants: { budget: [doomed] } })
    await db.sql('delete from example.budgets where id = $1', [doomed])
    const person = await db.createUser(email)
    await expectDbError(db.rpc(user(person, { email }), 'accept_invitation', { p_token_hash: hash }), 'RC306')

    const other = 'inviter.gone@example.test'
    const gone = await invite(profit, inviter.userId, other, 'contributor', { p_resource_grants: { budget: [budget] } })
    await db.sql(`update rolecall.members set status = 'deactivated', deactivated_at = now() where id = $1`, [inviter.memberId])
    const otherPerson = await db.createUser(other)
    await expectDbError(db.rpc(user(otherPerson, { email: other }), 'accept_invitation', { p_token_hash: gone.hash }), 'RC107')
    await db.sql(`update rolecall.members set status = 'active', deactivated_at = null where id = $1`, [inviter.memberId])
  })
})
