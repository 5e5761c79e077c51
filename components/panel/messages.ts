/**
 * Texts of the panel shell: its title, tabs and header (Jusnote: «Налаштування > Команда»), and what it
 * says when the signed-in user belongs to no organization.
 */
export default {
  en: {
    panel: {
      title: 'Team',
      tabsLabel: 'Team administration',
      tabs: {
        members: 'Members',
        invitations: 'Invitations',
        roles: 'Roles',
        policies: 'Permission Policies',
        settings: 'Settings',
        audit: 'Audit log',
      },
      comingSoon: 'This screen is not available yet.',
      signedInAs: 'Signed in as {email}',
      signOut: 'Sign out',
      noOrganizations: 'Your account belongs to no organization yet. Ask an administrator to invite you.',
    },
  },
  uk: {
    panel: {
      title: 'Команда',
      tabsLabel: 'Керування командою',
      tabs: {
        members: 'Команда',
        invitations: 'Запрошення',
        roles: 'Ролі',
        policies: 'Політики дозволів',
        settings: 'Налаштування',
        audit: 'Журнал дій',
      },
      comingSoon: 'Цей розділ ще недоступний.',
      signedInAs: 'Ви увійшли як {email}',
      signOut: 'Вийти',
      noOrganizations: 'Ви ще не Користувач жодного облікового запису. Попросіть Адміністратора надіслати запрошення.',
    },
  },
}
