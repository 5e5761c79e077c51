/**
 * Texts of the member card's lazily loaded parts: resource access (A5: Jusnote «Проєкти», Profit budgets
 * and cards) and admin promotion / transfer (A9). Registered with useScreenMessages, so they load with
 * the card, not with the first view.
 */
export default {
  en: {
    memberAccess: {
      title: 'Resource access',
      types: { project: 'Projects', budget: 'Budgets', card: 'Cards' },
      card: 'Card •{label}',
      hint: 'Checked: {name} reaches it even without the permission to see all of them.',
      save: 'Save access',
      saved: 'Access saved.',
      none: 'Nothing to grant.',
      unknown: 'Not visible to you',
      confirm: {
        title: 'Change the {type} {name} reaches?',
        body: '{name} will reach exactly: {list}. The change applies at once.',
        nothing: 'nothing of this kind',
      },
    },
    memberAdmin: {
      title: 'Admin',
      promote: 'Make Admin',
      promoteTitle: 'Make {name} the Admin?',
      promoteBody: '{name} becomes {newRole} and the primary member. {oldName} steps down from {oldRole} to {demoteRole}. The admins are emailed.',
      dropped: '{name}\'s {count} per-member checkboxes are dropped: {newRole} holds every permission.',
      promoted: '{name} is now the Admin.',
      transfer: 'Transfer primary admin',
      transferTitle: 'Make {name} the primary admin?',
      transferBody: '{name} becomes the primary admin (and an admin, if not one already). You keep your role but are no longer the primary member. The admins are emailed.',
      password: 'Your password',
      transferred: '{name} is now the primary admin.',
    },
  },
  uk: {
    memberAccess: {
      title: 'Доступ до ресурсів',
      types: { project: 'Проєкти', budget: 'Бюджети', card: 'Картки' },
      card: 'Картка •{label}',
      hint: 'Позначене: {name} має доступ навіть без дозволу бачити все.',
      save: 'Зберегти доступ',
      saved: 'Доступ збережено.',
      none: 'Немає чого надати.',
      unknown: 'Вам не видно',
      confirm: {
        title: 'Змінити доступ ({type}): {name}?',
        body: '{name} матиме доступ саме до: {list}. Зміна діє одразу.',
        nothing: 'нічого з цього',
      },
    },
    memberAdmin: {
      title: 'Адміністратор',
      promote: 'Зробити адміністратором',
      promoteTitle: 'Зробити {name} адміністратором?',
      promoteBody: '{name} отримає роль {newRole} і стане основним Користувачем. {oldName}: роль {oldRole} зміниться на {demoteRole}. Адміністраторам надійде лист.',
      dropped: 'Окремі дозволи {name} ({count}) буде скасовано: роль {newRole} має всі дозволи.',
      promoted: '{name} тепер адміністратор.',
      transfer: 'Змінити системного адміністратора',
      transferTitle: 'Призначити {name} системним адміністратором?',
      transferBody: '{name} стане системним адміністратором (і адміністратором, якщо ще ним не є). Ваша роль залишиться, але ви більше не будете основним Користувачем. Адміністраторам надійде лист.',
      password: 'Ваш пароль',
      transferred: '{name} тепер системний адміністратор.',
    },
  },
}
