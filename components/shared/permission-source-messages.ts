/**
 * Why a permission is held or not, in product words (permission-sources.ts): what the member card and
 * the extension say next to a permission. `self` speaks to the signed-in user, `member` about someone else.
 */
export default {
  en: {
    permissionSource: {
      self: {
        all_permissions: 'from your role {role}',
        deactivated: 'blocked: your access is deactivated',
        ip_not_allowed: 'blocked: outside the IP allowlist',
      },
      member: {
        all_permissions: 'from the role {role}',
        deactivated: 'blocked: access is deactivated',
        ip_not_allowed: 'blocked: outside their IP allowlist',
      },
      policy: 'policy {policy}',
      policyOfRole: 'policy {policy} of role {role}',
      restriction: 'restricted by policy {policy}',
      grant: 'ticked by an admin',
      deny: 'unticked by an admin',
      implied: 'implied by {label}',
      always_on: 'always on for this role',
    },
  },
  uk: {
    permissionSource: {
      self: {
        all_permissions: 'з вашої ролі «{role}»',
        deactivated: 'заблоковано: ваш доступ деактивовано',
        ip_not_allowed: 'заблоковано: ваша IP-адреса не серед дозволених',
      },
      member: {
        all_permissions: 'з ролі «{role}»',
        deactivated: 'заблоковано: доступ деактивовано',
        ip_not_allowed: 'заблоковано: IP-адреса не серед дозволених',
      },
      policy: 'політика «{policy}»',
      policyOfRole: 'політика «{policy}» ролі «{role}»',
      restriction: 'обмежено політикою «{policy}»',
      grant: 'надано адміністратором',
      deny: 'знято адміністратором',
      implied: 'входить до дозволу «{label}»',
      always_on: 'завжди увімкнено для цієї ролі',
    },
  },
}
