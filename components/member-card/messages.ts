/** Texts of the member card (A5): Jusnote's «особиста картка», field «Роль, дозволи», button «Змінити». */
export default {
  en: {
    memberCard: {
      title: 'Member: {name}',
      role: 'Role',
      rolePermissions: 'Role, permissions',
      changeRole: 'Change',
      permissions: 'Permissions',
      notCustomizable: 'Not customizable: this role takes no per-member permissions.',
      save: 'Save permissions',
      saveIp: 'Save allowlist',
      saved: 'Saved.',
      state: { on: 'On', off: 'Off', partial: 'Partly on', always_on: 'Always on' },
      ipAllowlist: 'Allowlist IPs',
      ipHint: 'One address, network or range per line, e.g. 203.0.113.7 or 203.0.113.0/24. Empty: any address.',
      confirmRole: { title: 'Change the role of {name}?', body: '{name} moves from {from} to {to}; their permissions become those of {to} at once.' },
    },
  },
  uk: {
    memberCard: {
      title: 'Особиста картка: {name}',
      role: 'Роль',
      rolePermissions: 'Роль, дозволи',
      changeRole: 'Змінити',
      permissions: 'Дозволи',
      notCustomizable: 'Для цієї ролі не передбачено дозволів для окремого Користувача.',
      save: 'Зберегти дозволи',
      saveIp: 'Зберегти IP-адреси',
      saved: 'Збережено.',
      state: { on: 'Увімкнено', off: 'Вимкнено', partial: 'Частково', always_on: 'Завжди увімкнено' },
      ipAllowlist: 'Дозволені IP-адреси',
      ipHint: 'Одна адреса, мережа чи діапазон на рядок, напр. 203.0.113.7 або 203.0.113.0/24. Порожньо: будь-яка адреса.',
      confirmRole: { title: 'Змінити роль: {name}?', body: '{name}: роль {from} зміниться на {to}; дозволи одразу стануть такими, як у ролі {to}.' },
    },
  },
}
