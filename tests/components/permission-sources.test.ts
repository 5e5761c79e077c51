import { describe, expect, it } from 'vitest'
import { createPanelI18n, type Locale, messageModules } from '../../components/i18n.ts'
import permissionSourceMessages from '../../components/shared/permission-source-messages.ts'
import { asPermissionSources, describeSource, type PermissionSource, type SourcePerspective } from '../../components/shared/permission-sources.ts'

// Every source type of rolecall_private.permission_sources, in both languages and both perspectives,
// through the panel's real vue-i18n instance.
const sources: Record<string, PermissionSource> = {
  all_permissions: { type: 'all_permissions', role_id: 'r1', role_name: 'Accountant' },
  policy: { type: 'policy', policy_id: 'p1', policy_name: 'Reporting' },
  policyOfRole: { type: 'policy', policy_id: 'p1', policy_name: 'Reporting', role_name: 'Analyst' },
  restriction: { type: 'restriction', policy_id: 'p2', policy_name: 'No payouts page', permission_key: 'payouts.view' },
  grant: { type: 'grant', permission_key: 'bills.approve' },
  deny: { type: 'deny', permission_key: 'bills.view' },
  implied: { type: 'implied', by: 'bank_accounts.manage', label_en: 'Manage bank accounts', label_uk: 'Керувати банківськими рахунками' },
  always_on: { type: 'always_on', checkbox: 'contacts', label_en: 'Contact list', label_uk: 'Список контактів' },
  deactivated: { type: 'deactivated' },
  ip_not_allowed: { type: 'ip_not_allowed' },
}

const expected: [string, Locale, SourcePerspective, string][] = [
  ['all_permissions', 'en', 'self', 'from your role Accountant'],
  ['all_permissions', 'en', 'member', 'from the role Accountant'],
  ['all_permissions', 'uk', 'self', 'з вашої ролі «Accountant»'],
  ['all_permissions', 'uk', 'member', 'з ролі «Accountant»'],
  ['policy', 'en', 'self', 'policy Reporting'],
  ['policy', 'en', 'member', 'policy Reporting'],
  ['policy', 'uk', 'self', 'політика «Reporting»'],
  ['policy', 'uk', 'member', 'політика «Reporting»'],
  ['policyOfRole', 'en', 'self', 'policy Reporting of role Analyst'],
  ['policyOfRole', 'en', 'member', 'policy Reporting of role Analyst'],
  ['policyOfRole', 'uk', 'self', 'політика «Reporting» ролі «Analyst»'],
  ['policyOfRole', 'uk', 'member', 'політика «Reporting» ролі «Analyst»'],
  ['restriction', 'en', 'self', 'restricted by policy No payouts page'],
  ['restriction', 'en', 'member', 'restricted by policy No payouts page'],
  ['restriction', 'uk', 'self', 'обмежено політикою «No payouts page»'],
  ['restriction', 'uk', 'member', 'обмежено політикою «No payouts page»'],
  ['grant', 'en', 'self', 'ticked by an admin'],
  ['grant', 'en', 'member', 'ticked by an admin'],
  ['grant', 'uk', 'self', 'надано адміністратором'],
  ['grant', 'uk', 'member', 'надано адміністратором'],
  ['deny', 'en', 'self', 'unticked by an admin'],
  ['deny', 'en', 'member', 'unticked by an admin'],
  ['deny', 'uk', 'self', 'знято адміністратором'],
  ['deny', 'uk', 'member', 'знято адміністратором'],
  ['implied', 'en', 'self', 'implied by Manage bank accounts'],
  ['implied', 'en', 'member', 'implied by Manage bank accounts'],
  ['implied', 'uk', 'self', 'входить до дозволу «Керувати банківськими рахунками»'],
  ['implied', 'uk', 'member', 'входить до дозволу «Керувати банківськими рахунками»'],
  ['always_on', 'en', 'self', 'always on for this role'],
  ['always_on', 'en', 'member', 'always on for this role'],
  ['always_on', 'uk', 'self', 'завжди увімкнено для цієї ролі'],
  ['always_on', 'uk', 'member', 'завжди увімкнено для цієї ролі'],
  ['deactivated', 'en', 'self', 'blocked: your access is deactivated'],
  ['deactivated', 'en', 'member', 'blocked: access is deactivated'],
  ['deactivated', 'uk', 'self', 'заблоковано: ваш доступ деактивовано'],
  ['deactivated', 'uk', 'member', 'заблоковано: доступ деактивовано'],
  ['ip_not_allowed', 'en', 'self', 'blocked: outside the IP allowlist'],
  ['ip_not_allowed', 'en', 'member', 'blocked: outside their IP allowlist'],
  ['ip_not_allowed', 'uk', 'self', 'заблоковано: ваша IP-адреса не серед дозволених'],
  ['ip_not_allowed', 'uk', 'member', 'заблоковано: IP-адреса не серед дозволених'],
]

describe('describeSource', () => {
  it.each(expected)('%s in %s, %s perspective', (name, locale, perspective, words) => {
    const { t } = createPanelI18n(locale).global
    expect(describeSource(sources[name]!, t, locale, perspective)).toBe(words)
  })

  it('covers every source type in both languages and both perspectives', () => {
    const types = new Set(Object.values(sources).map((source) => source.type))
    expect([...types].sort()).toEqual(['all_permissions', 'always_on', 'deactivated', 'deny', 'grant', 'implied', 'ip_not_allowed', 'policy', 'restriction'])
    for (const type of types) {
      expect(expected.filter(([name]) => sources[name]!.type === type).map(([, locale, perspective]) => `${locale}/${perspective}`))
        .toEqual(expect.arrayContaining(['en/self', 'en/member', 'uk/self', 'uk/member']))
    }
  })

  it('names a source type newer than the client rather than saying nothing', () => {
    const { t } = createPanelI18n('en').global
    expect(describeSource({ type: 'quota_exceeded' } as unknown as PermissionSource, t, 'en', 'self')).toBe('quota_exceeded')
  })

  it('is in the first view\'s messages (the member card speaks it)', () => {
    expect(messageModules).toContain(permissionSourceMessages)
  })
})

describe('asPermissionSources', () => {
  it('types a row\'s sources and names the member\'s role on its policies', () => {
    const row = [{ type: 'policy', policy_id: 'p1', policy_name: 'Accounting' }, { type: 'grant', permission_key: 'bills.approve' }]
    expect(asPermissionSources(row, 'Accountant')).toEqual([
      { type: 'policy', policy_id: 'p1', policy_name: 'Accounting', role_name: 'Accountant' },
      { type: 'grant', permission_key: 'bills.approve' },
    ])
    expect(asPermissionSources(row)).toEqual(row)
    expect(asPermissionSources(null)).toEqual([])
  })
})
