/** Texts of the shared pieces (confirm dialog, states, notifications, permission tree, badges). */
export default {
  en: {
    common: {
      cancel: 'Cancel',
      confirm: 'Ok',
      close: 'Close',
      retry: 'Try again',
      dismiss: 'Dismiss',
    },
    state: {
      loading: 'Loading…',
      empty: 'Nothing here yet.',
      refused: 'You may not see this.',
      code: 'Code {code}',
    },
    tree: {
      expand: 'Show {section}',
      collapse: 'Hide {section}',
      selectAll: 'All of {section}',
      readonly: 'Read only',
      count: '{selected} of {total}',
    },
    badges: {
      primary: 'Primary',
      allPermissions: 'All permissions',
      all: 'all',
    },
    notifications: {
      region: 'Notifications',
    },
  },
  uk: {
    common: {
      cancel: 'Скасувати',
      confirm: 'Ok',
      close: 'Закрити',
      retry: 'Спробувати ще раз',
      dismiss: 'Сховати',
    },
    state: {
      loading: 'Завантаження…',
      empty: 'Тут поки нічого немає.',
      refused: 'У вас немає дозволу це бачити.',
      code: 'Код {code}',
    },
    tree: {
      expand: 'Показати: {section}',
      collapse: 'Сховати: {section}',
      selectAll: 'Усі: {section}',
      readonly: 'Лише перегляд',
      count: '{selected} з {total}',
    },
    badges: {
      primary: 'Адміністратор, призначений Підписником',
      allPermissions: 'Усі дозволи',
      all: 'усі',
    },
    notifications: {
      region: 'Сповіщення',
    },
  },
}
