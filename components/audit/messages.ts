/** Texts of the Audit log tab (A12). The Ukrainian follows Jusnote's words (Користувач, Адміністратор). */
export default {
  en: {
    audit: {
      title: 'Audit log',
      refused: 'You need the “View the audit trail” permission to see the audit log.',
      empty: 'No events match.',
      filter: 'Action',
      allActions: 'All actions',
      columns: { time: 'Time', actor: 'Who', action: 'Action', subject: 'Subject', changes: 'Changes', ip: 'IP address' },
      you: 'You',
      operator: 'Support (operator)',
      created: 'created',
      deleted: 'deleted',
      noChanges: 'no visible change',
      count: '{from}–{to} of {total}',
      previous: 'Previous page',
      next: 'Next page',
      paging: 'Audit log pages',
      subject: '{type}: {name}',
      // Every action the migrations record (rolecall_private.audit_as), as a person would say it.
      actions: {
        organizations: {
          create: 'Organization created', update: 'Organization settings changed', set_admin_mode: 'Admin mode changed',
          set_unique_member_emails: 'Unique member emails turned on or off', close: 'Organization closed',
        },
        members: {
          change_role: 'User’s role changed', edit_permissions: 'User’s permissions changed', edit_ip_allowlist: 'Allowlist IPs changed',
          edit_resource_grants: 'Resource access changed', promote_to_admin: 'Made Admin', transfer_primary: 'Primary admin handed over',
          deactivate: 'User deactivated', reactivate: 'User activated', remove: 'User deleted', leave: 'User left',
          set_notifications: 'Notification emails turned on or off',
        },
        invitations: {
          create: 'Invitation sent', resend: 'Invitation resent', revoke: 'Invitation deactivated', accept: 'Invitation accepted',
          decline: 'Invitation declined', expire: 'Invitation expired',
        },
        roles: { create: 'Role created', update: 'Role edited', delete: 'Role deleted', set_policies: 'Role’s permission policies changed' },
        policies: {
          create: 'Permission policy created', update: 'Permission policy edited', delete: 'Permission policy deleted',
          set_permissions: 'Policy’s permissions changed', set_restrictions: 'Policy’s restrictions changed',
        },
        ops: {
          add_owner: 'Owner added by support', transfer_ownership: 'Owner changed by support', reactivate_member: 'User activated by support',
          expire_invitations: 'Overdue invitations expired by support', reopen_organization: 'Organization reopened by support',
          purge_organization: 'Organization’s data deleted by support',
        },
      },
      // A write outside Rolecall's functions (the seed, the SQL editor) records <table>.<insert|update|delete>.
      direct: { insert: '{subject} added directly', update: '{subject} changed directly', delete: '{subject} removed directly' },
      subjects: {
        organizations: 'Organization', members: 'User', roles: 'Role', policies: 'Permission policy', policy_permissions: 'Policy permission',
        role_policies: 'Role’s policy', member_overrides: 'User’s permission', resource_grants: 'Resource access', invitations: 'Invitation',
      },
    },
  },
  uk: {
    audit: {
      title: 'Журнал дій',
      refused: 'Щоб бачити журнал дій, потрібен дозвіл «Перегляд журналу змін».',
      empty: 'Подій не знайдено.',
      filter: 'Дія',
      allActions: 'Усі дії',
      columns: { time: 'Час', actor: 'Хто', action: 'Дія', subject: 'Об’єкт', changes: 'Зміни', ip: 'IP-адреса' },
      you: 'Ви',
      operator: 'Підтримка (оператор)',
      created: 'створено',
      deleted: 'видалено',
      noChanges: 'без видимих змін',
      count: '{from}–{to} з {total}',
      previous: 'Попередня сторінка',
      next: 'Наступна сторінка',
      paging: 'Сторінки журналу дій',
      subject: '{type}: {name}',
      actions: {
        organizations: {
          create: 'Організацію створено', update: 'Налаштування організації змінено', set_admin_mode: 'Режим адміністраторів змінено',
          set_unique_member_emails: 'Вимогу унікальних Email змінено', close: 'Обліковий запис закрито',
        },
        members: {
          change_role: 'Роль Користувача змінено', edit_permissions: 'Дозволи Користувача змінено', edit_ip_allowlist: 'Дозволені IP-адреси змінено',
          edit_resource_grants: 'Доступ до ресурсів змінено', promote_to_admin: 'Призначено Адміністратором', transfer_primary: 'Системного адміністратора змінено',
          deactivate: 'Користувача деактивовано', reactivate: 'Користувача активовано', remove: 'Користувача видалено', leave: 'Користувач вийшов',
          set_notifications: 'Сповіщення ввімкнено або вимкнено',
        },
        invitations: {
          create: 'Запрошення надіслано', resend: 'Запрошення надіслано повторно', revoke: 'Запрошення деактивовано', accept: 'Запрошення прийнято',
          decline: 'Запрошення відхилено', expire: 'Термін дії запрошення минув',
        },
        roles: { create: 'Роль створено', update: 'Роль змінено', delete: 'Роль видалено', set_policies: 'Політики дозволів ролі змінено' },
        policies: {
          create: 'Політику дозволів створено', update: 'Політику дозволів змінено', delete: 'Політику дозволів видалено',
          set_permissions: 'Дозволи політики змінено', set_restrictions: 'Обмеження політики змінено',
        },
        ops: {
          add_owner: 'Власника додано підтримкою', transfer_ownership: 'Власника змінено підтримкою', reactivate_member: 'Користувача активовано підтримкою',
          expire_invitations: 'Прострочені запрошення закрито підтримкою', reopen_organization: 'Обліковий запис відновлено підтримкою',
          purge_organization: 'Дані облікового запису видалено підтримкою',
        },
      },
      direct: { insert: '{subject}: додано напряму', update: '{subject}: змінено напряму', delete: '{subject}: видалено напряму' },
      subjects: {
        organizations: 'Організація', members: 'Користувач', roles: 'Роль', policies: 'Політика дозволів', policy_permissions: 'Дозвіл політики',
        role_policies: 'Політика ролі', member_overrides: 'Дозвіл Користувача', resource_grants: 'Доступ до ресурсу', invitations: 'Запрошення',
      },
    },
  },
}
