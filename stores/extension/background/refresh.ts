import { createApi, isRolecallError } from '../../api/index.ts'
import { extensionClient, type ExtensionClientOptions } from '../client.ts'
import { fetchSnapshot, type SnapshotChange, snapshotChanges, snapshotItem } from '../snapshot.ts'
import { showInvitationBadge } from './badge.ts'
import { notifyChanges } from './notify.ts'

/** What one refresh found. */
export type RefreshOutcome =
  /** No project connected, or nobody signed in: the cache and badge are cleared. */
  | { state: 'disconnected' | 'signedOut' }
  /** A fresh snapshot is saved; `changes` since the previous one were notified. */
  | { state: 'fresh'; changes: SnapshotChange[] }
  /** The server could not be read (offline, a refresh that failed): everything stays as it was. */
  | { state: 'failed'; error: unknown }

/**
 * One refresh: the session kept fresh (supabase-js refreshes an access token that expires within about
 * 90 s when it is read), a new snapshot compared with the saved one (a notification when something
 * changed for the same user), the badge set to the pending invitations, the snapshot saved.
 */
export async function refreshOnce(options: Omit<ExtensionClientOptions, 'refresh'> = {}): Promise<RefreshOutcome> {
  const client = await extensionClient({ ...options, refresh: true })
  if (!client) return clear('disconnected')
  const { data, error } = await client.auth.getSession()
  // NOTE: a refresh that failed on the network keeps the stored session: not the same as signed out.
  if (error) return { state: 'failed', error }
  if (!data.session) return clear('signedOut')
  let after
  try {
    after = await fetchSnapshot(createApi(client))
  } catch (thrown) {
    if (isRolecallError(thrown, 'RC101')) return clear('signedOut')
    return { state: 'failed', error: thrown }
  }
  const before = await snapshotItem.getValue()
  const changes = before ? snapshotChanges(before, after) : []
  await snapshotItem.setValue(after)
  await showInvitationBadge(after.invitations.length)
  await notifyChanges(changes)
  return { state: 'fresh', changes }
}

/** Forgets the cached snapshot (another user's, or nobody's) and empties the badge. */
async function clear(state: 'disconnected' | 'signedOut'): Promise<RefreshOutcome> {
  await snapshotItem.setValue(null)
  await showInvitationBadge(0)
  return { state }
}

/**
 * Runs refreshes one at a time: a request while one runs makes one more run after it (whatever happened
 * meanwhile is seen), and every caller waits for the run that includes its request.
 */
export function refreshQueue(run: () => Promise<RefreshOutcome>) {
  let current: Promise<RefreshOutcome> | null = null
  let next: Promise<RefreshOutcome> | null = null
  return function request(): Promise<RefreshOutcome> {
    if (!current) {
      current = run().finally(() => {
        current = null
      })
      return current
    }
    next ??= current.catch(() => undefined).then(() => {
      next = null
      return request()
    })
    return next
  }
}
