/**
 * Texts of the Settings tab (A11). The Ukrainian is Jusnote's («Налаштування», «Обліковий запис»,
 * «Закрити аккаунт», «Підписник», «Адміністратор, призначений Підписником»).
 */
export default {
  en: {
    settings: {
      title: 'Settings',
      readOnly: 'You can see these settings; changing them needs the “Manage organization settings” permission.',
      saved: 'Settings saved.',
      account: {
        title: 'Account',
        name: 'Organization name (the subscriber)',
        language: 'Language',
        languages: { en: 'English', uk: 'Ukrainian' },
        ttl: 'Invitation links expire after (hours)',
        ttlHint: 'Between 1 hour and 30 days (720 hours). Default: 72 hours.',
        save: 'Save',
      },
      notifications: {
        title: 'Notification emails',
        mine: 'Email me about team changes and accepted invitations',
        hint: 'Only your own emails in this organization; other admins decide for themselves.',
        on: 'You will receive notification emails.',
        off: 'You will no longer receive notification emails.',
      },
      adminMode: {
        title: 'Admin mode',
        multi: 'Several equal admins',
        single: 'One Admin (promoting a new Admin replaces the old one)',
        primaryOnly: 'Only the primary member can change the admin mode.',
        changed: 'The admin mode is changed.',
      },
      uniqueEmails: {
        label: 'Unique email addresses must be used for creating Users',
        hint: 'An address that is a member of another organization cannot be invited or accept.',
      },
      close: {
        title: 'Close account',
        button: 'Close account',
        text: 'Closing takes the organization out of use for everyone at once.',
        primaryOnly: 'Only the primary member can close the account.',
        dialogTitle: 'Close the account “{name}”?',
        dialogText: '{members} active members lose access at once and {invitations} pending invitations stop working. Nothing is deleted: the audit trail stays, and support can reopen the account.',
        typeName: 'Type the organization’s name to confirm: {name}',
        closed: 'The account is closed.',
        closedState: 'This account was closed on {date}. Contact support to reopen it.',
      },
    },
  },
  uk: {
    settings: {
      title: 'Налаштування',
      readOnly: 'Ви бачите налаштування; щоб змінювати їх, потрібен дозвіл «Керування налаштуваннями організації».',
      saved: 'Налаштування збережено.',
      account: {
        title: 'Обліковий запис',
        name: 'Назва облікового запису (Підписник)',
        language: 'Мова',
        languages: { en: 'Англійська', uk: 'Українська' },
        ttl: 'Посилання в запрошеннях діють (годин)',
        ttlHint: 'Від 1 години до 30 днів (720 годин). Типово: 72 години.',
        save: 'Зберегти',
      },
      notifications: {
        title: 'Сповіщення електронною поштою',
        mine: 'Надсилати мені листи про зміни в команді та прийняті запрошення',
        hint: 'Лише ваші власні листи в цьому обліковому записі; інші Адміністратори вирішують самі.',
        on: 'Ви отримуватимете сповіщення електронною поштою.',
        off: 'Ви більше не отримуватимете сповіщень електронною поштою.',
      },
      adminMode: {
        title: 'Режим адміністрування',
        multi: 'Кілька Адміністраторів з рівними правами',
        single: 'Один Адміністратор (новий Адміністратор замінює попереднього)',
        primaryOnly: 'Лише Адміністратор, призначений Підписником, може змінити режим адміністрування.',
        changed: 'Режим адміністрування змінено.',
      },
      uniqueEmails: {
        label: 'Для створення Користувачів потрібні унікальні адреси електронної пошти',
        hint: 'Адресу Користувача іншого облікового запису не можна запросити, і з неї не можна прийняти запрошення.',
      },
      close: {
        title: 'Закрити аккаунт',
        button: 'Закрити аккаунт',
        text: 'Після закриття обліковим записом одразу ніхто не зможе користуватися.',
        primaryOnly: 'Лише Адміністратор, призначений Підписником, може закрити аккаунт.',
        dialogTitle: 'Закрити аккаунт «{name}»?',
        dialogText: 'Активні Користувачі ({members}) одразу втратять доступ, надіслані запрошення ({invitations}) перестануть діяти. Нічого не видаляється: журнал дій зберігається, а підтримка може відновити обліковий запис.',
        typeName: 'Щоб підтвердити, введіть назву облікового запису: {name}',
        closed: 'Аккаунт закрито.',
        closedState: 'Цей обліковий запис закрито {date}. Щоб відновити його, зверніться до підтримки.',
      },
    },
  },
}
