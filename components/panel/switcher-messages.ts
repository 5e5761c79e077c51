/**
 * Texts of the organization switcher in the panel's header (A1), loaded with it when the user belongs to
 * several organizations. The Ukrainian is Jusnote's: the organization is the «Обліковий запис».
 */
export default {
  en: {
    switcher: {
      label: 'Organization',
      role: 'Role: {role}',
      blocked: {
        deactivated: 'Deactivated',
        ip_not_allowed: 'Not from this IP address',
      },
    },
  },
  uk: {
    switcher: {
      label: 'Обліковий запис',
      role: 'Роль: {role}',
      blocked: {
        deactivated: 'Деактивований',
        ip_not_allowed: 'Не з цієї IP-адреси',
      },
    },
  },
}
