/** Texts of the panel shell: its title and tabs (Jusnote: «Налаштування > Команда»). */
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
    },
  },
}
