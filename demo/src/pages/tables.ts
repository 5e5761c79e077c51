/** A row as PostgREST returns it. */
export type Row = Record<string, unknown>

/** One column of a read-only table: its header and how a row shows in it. */
export interface Column {
  label: string
  value: (row: Row) => string
}

/** A read-only table of one `example` table, filtered by RLS and the current organization. */
export interface TableSpec {
  caption: string
  table: string
  select: string
  order: string
  columns: Column[]
}

/** A vendor page made only of read-only tables. */
export interface TablePageSpec {
  id: string
  title: string
  tables: TableSpec[]
}

/** Amounts as the vendor shows them. */
export const money = (value: unknown): string => Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** The vendor's read-only pages: what each signed-in user sees there is exactly what RLS lets through. */
export const tablePages: TablePageSpec[] = [
  {
    id: 'banking',
    title: 'Bank accounts',
    tables: [
      { caption: 'Accounts', table: 'bank_accounts', select: 'name, account_last4, balance', order: 'name', columns: [
        { label: 'Account', value: (r) => String(r.name) },
        { label: 'Number', value: (r) => `•${String(r.account_last4)}` },
        { label: 'Balance', value: (r) => money(r.balance) },
      ] },
      { caption: 'Transactions', table: 'bank_transactions', select: 'description, amount, created_at', order: 'created_at', columns: [
        { label: 'Description', value: (r) => String(r.description) },
        { label: 'Amount', value: (r) => money(r.amount) },
      ] },
    ],
  },
  {
    id: 'reports',
    title: 'Reports',
    tables: [
      { caption: 'Saved reports', table: 'reports', select: 'title, body, created_at', order: 'created_at', columns: [
        { label: 'Title', value: (r) => String(r.title) },
        { label: 'Figures', value: (r) => Object.entries((r.body ?? {}) as Row).map(([k, v]) => `${k}: ${String(v)}`).join(', ') },
      ] },
    ],
  },
  {
    id: 'budgets',
    title: 'Budgets & cards',
    tables: [
      { caption: 'Budgets', table: 'budgets', select: 'name, limit_amount', order: 'name', columns: [
        { label: 'Budget', value: (r) => String(r.name) },
        { label: 'Limit', value: (r) => money(r.limit_amount) },
      ] },
      { caption: 'Cards', table: 'cards', select: 'last4, spend_limit, frozen', order: 'last4', columns: [
        { label: 'Card', value: (r) => `•${String(r.last4)}` },
        { label: 'Spend limit', value: (r) => money(r.spend_limit) },
        { label: 'Status', value: (r) => (r.frozen ? 'Frozen' : 'Active') },
      ] },
    ],
  },
]
