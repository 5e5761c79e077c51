/** One invitation asked for in a request, before the database checks it. */
export interface InviteRow {
  email: string
  /** A role id, or a role name to look up in the organization. */
  role: string
  grants: string[]
  denies: string[]
  ip_allowlist: string[]
  /** Resources granted on accept, ids by type: `{ project: [id, ...] }` (the database checks them). */
  resource_grants: unknown
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s;]+/).map((v) => v.trim()).filter(Boolean)
}

/** `project:<id> budget:<id>` (a CSV cell) as `{ project: [id], budget: [id] }`; an entry without a type is kept under `''`, which the database refuses. */
export function resourcesFromCell(value: string | undefined): Record<string, string[]> {
  const grants: Record<string, string[]> = {}
  for (const entry of splitList(value)) {
    const at = entry.indexOf(':')
    const type = at > 0 ? entry.slice(0, at) : ''
    grants[type] = [...(grants[type] ?? []), at > 0 ? entry.slice(at + 1) : entry]
  }
  return grants
}

/** Splits one CSV line, honouring "quoted, fields" and "" escapes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      fields.push(field.trim())
      field = ''
    } else field += c
  }
  fields.push(field.trim())
  return fields
}

/**
 * Parses a CSV export (a CRM's user list, as Paycove imports it): a header row naming `email` and
 * `role`, optionally `permissions` (granted keys), `ip_allowlist` and `resources` (`project:<id>`,
 * `budget:<id>`, ...), lists separated by spaces or semicolons. Unknown columns are ignored, so a CRM export works as it is.
 */
export function parseInviteCsv(csv: string): InviteRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '')
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase())
  const column = (name: string) => header.indexOf(name)
  if (column('email') < 0 || column('role') < 0) throw new Error('The CSV needs a header row with "email" and "role" columns')
  return lines.slice(1).map((line) => {
    const fields = splitCsvLine(line)
    const at = (name: string) => (column(name) >= 0 ? fields[column(name)] : undefined)
    return {
      email: at('email') ?? '',
      role: at('role') ?? '',
      grants: splitList(at('permissions')),
      denies: [],
      ip_allowlist: splitList(at('ip_allowlist')),
      resource_grants: resourcesFromCell(at('resources')),
    }
  })
}

/** Reads the rows of a JSON request: `invitations: [...]`, a `csv` string, or one invitation's fields. */
export function rowsFromBody(body: Record<string, unknown>): InviteRow[] {
  if (typeof body.csv === 'string') return parseInviteCsv(body.csv)
  const list = Array.isArray(body.invitations) ? body.invitations : [body]
  return list.map((item) => {
    const row = (item ?? {}) as Record<string, unknown>
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])
    return {
      email: typeof row.email === 'string' ? row.email : '',
      role: typeof row.role_id === 'string' ? row.role_id : typeof row.role === 'string' ? row.role : '',
      grants: strings(row.grants),
      denies: strings(row.denies),
      ip_allowlist: strings(row.ip_allowlist),
      resource_grants: row.resource_grants ?? {},
    }
  })
}
