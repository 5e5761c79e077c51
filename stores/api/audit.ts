import type { Database } from './database.types.ts'
import { type ApiContext, pageRange, run, runPage } from './request.ts'

/** One entry of the audit trail. */
export type AuditEvent = Database['rolecall']['Tables']['audit_events']['Row']

/** The members, roles, policies (ids) and permissions (keys) a page of events names only by id. */
export interface AuditReferences {
  members: string[]
  roles: string[]
  policies: string[]
  permissions: string[]
}

/** One page of the audit trail, newest first. */
export interface AuditQuery {
  org: string
  /** Only this action (e.g. `member.role_changed`). */
  action?: string
  page: number
  pageSize: number
}

/** The audit trail (readable with `audit.view`; RLS returns nothing otherwise). */
export function auditApi({ db }: ApiContext) {
  return {
    /** A page of events and the total count. */
    list: (query: AuditQuery) => {
      let request = db.from('audit_events').select('*', { count: 'exact' }).eq('organization_id', query.org)
      if (query.action) request = request.eq('action', query.action)
      return runPage(request.order('created_at', { ascending: false }).order('id', { ascending: false }).range(...pageRange(query.page, query.pageSize)))
    },
    /**
     * The names behind the ids a page refers to without carrying them: the organization's members, roles and
     * policies (gone ones are simply missing), and the catalog's labels; one read per kind, only the kinds asked.
     */
    names: async (org: string, ids: AuditReferences) => {
      const [members, roles, policies, permissions] = await Promise.all([
        ids.members.length ? run(db.from('members').select('id, display_name, email').eq('organization_id', org).in('id', ids.members)) : [],
        ids.roles.length ? run(db.from('roles').select('id, name').eq('organization_id', org).in('id', ids.roles)) : [],
        ids.policies.length ? run(db.from('policies').select('id, name').eq('organization_id', org).in('id', ids.policies)) : [],
        ids.permissions.length ? run(db.from('permissions').select('key, label_en, label_uk').in('key', ids.permissions)) : [],
      ])
      return { members, roles, policies, permissions }
    },
    /** The members behind actor ids (auth user ids), so the trail names people; operators have none. */
    actors: (org: string, userIds: string[]) =>
      run(db.from('members').select('user_id, display_name, email').eq('organization_id', org).in('user_id', userIds)),
  }
}
