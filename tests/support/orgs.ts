import { randomUUID } from 'node:crypto'
import { only, type TestDatabase, user } from './db.ts'

/** A template key of rolecall.templates. */
export type TemplateKey = 'blank' | 'justpaid' | 'jusnote' | 'profit' | 'paycove' | 'payments_platform'

/** A role key of rolecall.template_roles (kept in rolecall.roles.template_key). */
export type RoleKey =
  | 'owner' | 'admin' | 'administrator' | 'accountant' | 'manager'
  | 'contributor' | 'cardholder' | 'user' | 'standard' | 'member'

/** One member the fixture made: its auth user and its row in rolecall.members. */
export interface OrgMember {
  userId: string
  memberId: string
  email: string
}

/** What createOrg returns: ids by role key, so tests read `org.members.user.memberId`. */
export interface TestOrg {
  orgId: string
  template: TemplateKey
  /** Role id by template role key, for every role the template seeded. */
  roles: Record<string, string>
  /** Policy id by policy name (in the organization's language). */
  policies: Record<string, string>
  /** One member per requested key; the creator's role key maps to the primary member. */
  members: Record<string, OrgMember>
  /** The creator, primary member in the template's creator role. */
  primary: OrgMember
}

/** Options of createOrg. */
export interface CreateOrgOptions {
  /**
   * Members to create, by role key. The creator role's key (admin / owner) names the primary member;
   * `'<key>:<label>'` adds another member in that role (e.g. `'admin:2'`, a second Jusnote admin).
   */
  roles?: string[]
  name?: string
  language?: 'en' | 'uk'
}

/**
 * Creates an organization from a template the way a user does (rolecall.create_organization as the
 * creator), then adds one member per requested role key directly as superuser (a fixture, not a
 * rule under test).
 */
export async function createOrg(db: TestDatabase, template: TemplateKey, options: CreateOrgOptions = {}): Promise<TestOrg> {
  const tag = randomUUID().slice(0, 8)
  const domain = `${template.replaceAll('_', '-')}-${tag}.test`
  const creatorEmail = `creator@${domain}`
  const creatorId = await db.createUser(creatorEmail, `Creator ${tag}`)
  const { create_organization: orgId } = only(await db.rpc<{ create_organization: string }>(
    user(creatorId), 'create_organization',
    { p_name: options.name ?? `${template} ${tag}`, p_template: template, ...(options.language ? { p_language: options.language } : {}) },
  ))
  const roleRows = await db.sql<{ id: string; template_key: string }>(
    'select id, template_key from rolecall.roles where organization_id = $1', [orgId])
  const roles = Object.fromEntries(roleRows.map((r) => [r.template_key, r.id]))
  const policyRows = await db.sql<{ id: string; name: string }>(
    'select id, name from rolecall.policies where organization_id = $1', [orgId])
  const policies = Object.fromEntries(policyRows.map((p) => [p.name, p.id]))
  const [creator] = await db.sql<{ id: string; template_key: string }>(
    `select m.id, r.template_key from rolecall.members m join rolecall.roles r on r.id = m.role_id
      where m.organization_id = $1 and m.is_primary`, [orgId])
  const primary: OrgMember = { userId: creatorId, memberId: creator!.id, email: creatorEmail }

  const members: Record<string, OrgMember> = {}
  for (const key of options.roles ?? []) {
    const roleKey = key.split(':')[0]!
    if (key === creator!.template_key) {
      members[key] = primary
      continue
    }
    const roleId = roles[roleKey]
    if (!roleId) throw new Error(`template ${template} has no role ${roleKey}`)
    const email = `${key.replace(':', '-')}@${domain}`
    const userId = await db.createUser(email, `${key} ${tag}`)
    const [row] = await db.sql<{ id: string }>(
      'insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3) returning id',
      [orgId, userId, roleId])
    members[key] = { userId, memberId: row!.id, email }
  }
  return { orgId, template, roles, policies, members, primary }
}
