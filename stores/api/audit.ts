import type { Database } from './database.types.ts'
import { type ApiContext, pageRange, run, runPage } from './request.ts'

/** One entry of the audit trail. */
export type AuditEvent = Database['rolecall']['Tables']['audit_events']['Row']

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
    /** The members behind actor ids (auth user ids), so the trail names people; operators have none. */
    actors: (org: string, userIds: string[]) =>
      run(db.from('members').select('user_id, display_name, email').eq('organization_id', org).in('user_id', userIds)),
  }
}
