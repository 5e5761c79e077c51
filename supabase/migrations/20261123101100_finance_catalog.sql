-- The finance catalog Rolecall ships: every permission named in the five product docs
-- (../shared/seeds), plus Rolecall's own team permissions. Data only; a vendor replaces or extends
-- these rows with its own (keys are referenced by policies, so rename with `on update cascade`).
--
-- Conventions that other code relies on:
--   <area>.view        kind 'page' where the product has a tab or page for it (opening the section)
--   <type>s.view_all   see every resource of that type (project, budget, card) without a grant;
--                      rolecall.has_resource_access(org, type, id) checks exactly this key
--   team keys          members.*, roles.manage, policies.manage, settings.manage, audit.view are
--                      what Rolecall's own RPCs require
-- Where the docs name a thing in one product only, the comment after the row says which.

-- data

insert into rolecall.permission_sections (key, label_en, label_uk, position) values
  ('bill_pay',           'Bill Pay',                'Оплата рахунків',              10),
  ('sales',              'Sales contracts',         'Договори продажу',             20),
  ('invoicing',          'Invoicing & Payments',    'Інвойси та платежі',           30),
  ('banking',            'Banking',                 'Банківські рахунки',           40),
  ('reports',            'Reports & data',          'Звіти та дані',                50),
  ('expense_management', 'Expense Management',      'Керування витратами',          60),
  ('contacts',           'Contacts',                'Контакти',                     70),
  ('projects',           'Projects',                'Проєкти',                      80),
  ('templates',          'Email & document templates', 'Шаблони листів і документів', 90),
  ('payments',           'Payments platform',       'Платіжна платформа',          100),
  ('administration',     'Administration',          'Адміністрування',             110),
  ('team',               'Team & access',           'Команда та доступ',           120);

insert into rolecall.permissions (key, section, kind, label_en, label_uk, description_en, description_uk, position) values
  -- Bill Pay (JustPaid: Approve Bills; Profit: add/update payees, manage bills, make payments)
  ('bills.view',            'bill_pay', 'page',   'View bills',                  'Перегляд рахунків до оплати',
     'Open the Bills page and see every bill.', 'Відкривати сторінку «Рахунки до оплати» та бачити всі рахунки.', 10),
  ('bills.create',          'bill_pay', 'action', 'Create and edit bills',       'Створення та редагування рахунків',
     'Add bills and change bills that are not approved yet.', 'Додавати рахунки й змінювати ще не затверджені.', 20),
  ('bills.approve',         'bill_pay', 'action', 'Approve bills',               'Затвердження рахунків',
     'Green-light bills for payment (JustPaid "Approve Bills").', 'Погоджувати рахунки до оплати (JustPaid «Approve Bills»).', 30),
  ('bills.pay',             'bill_pay', 'action', 'Pay bills',                   'Оплата рахунків',
     'Make payments for approved bills.', 'Проводити оплату затверджених рахунків.', 40),
  ('payees.manage',         'bill_pay', 'action', 'Add and update payees',       'Додавання та зміна отримувачів',
     'Keep the list of vendors and payees (Profit).', 'Вести список постачальників і отримувачів платежів (Profit).', 50),

  -- Sales contracts (JustPaid: Approve Sales Contracts)
  ('sales_contracts.view',    'sales', 'page',   'View sales contracts',    'Перегляд договорів продажу',
     'Open the sales contracts page.', 'Відкривати сторінку договорів продажу.', 10),
  ('sales_contracts.approve', 'sales', 'action', 'Approve sales contracts', 'Затвердження договорів продажу',
     'Validate and approve sales contracts (JustPaid).', 'Перевіряти та затверджувати договори продажу (JustPaid).', 20),

  -- Invoicing & Payments (Jusnote: Invoices tab; Profit: create/edit invoices, refunds)
  ('invoices.view',   'invoicing', 'page',   'View invoices',                'Перегляд інвойсів',
     'Open the Invoices tab.', 'Бачити вкладку «Інвойси».', 10),
  ('invoices.create', 'invoicing', 'action', 'Create and edit invoices',     'Створення та редагування інвойсів',
     'Create, edit and delete invoices.', 'Створювати, редагувати та видаляти інвойси.', 20),
  ('payments.record', 'invoicing', 'action', 'Record payments',              'Реєстрація оплат',
     'Register an invoice as paid without opening Bank accounts (Jusnote).', 'Реєструвати оплати інвойсів без входу у вкладку «Банківські рахунки» (Jusnote).', 30),
  ('refunds.process', 'invoicing', 'action', 'Process refunds',              'Повернення коштів',
     'Refund a customer payment (Profit).', 'Повертати кошти за оплатами клієнтів (Profit).', 40),

  -- Banking (JustPaid: Bank Transactions, Manage Bank Accounts; Jusnote: Accounts tab; Profit: balances, statements, internal transfers)
  ('bank_accounts.view',                'banking', 'page',   'View bank accounts and balances', 'Перегляд рахунків і балансів',
     'Open the Accounts tab and see balances.', 'Бачити вкладку «Рахунки» та баланси.', 10),
  ('bank_accounts.manage',              'banking', 'action', 'Manage bank accounts',            'Керування банківськими рахунками',
     'Connect, disconnect and edit bank accounts.', 'Підключати, відключати та редагувати банківські рахунки.', 20),
  ('bank_accounts.download_statements', 'banking', 'action', 'Download statements',             'Завантаження виписок',
     'Download bank statements (Profit).', 'Завантажувати банківські виписки (Profit).', 30),
  ('bank_transactions.view',            'banking', 'action', 'View bank transactions',          'Перегляд банківських транзакцій',
     'See the transactions of bank accounts.', 'Бачити транзакції за банківськими рахунками.', 40),
  ('bank_transactions.create',          'banking', 'action', 'Make bank transactions',          'Проведення банківських транзакцій',
     'Make payments from bank accounts, e.g. for approved bills (JustPaid "Bank Transactions").', 'Проводити платежі з рахунків, зокрема за затвердженими рахунками (JustPaid «Bank Transactions»).', 50),
  ('funds.transfer_internal',           'banking', 'action', 'Transfer between own accounts',   'Перекази між власними рахунками',
     'Move funds between the organization''s own accounts (Profit).', 'Переказувати кошти між власними рахунками організації (Profit).', 60),

  -- Reports (JustPaid: View Reports and Data; Jusnote: Reports tab)
  ('reports.view',   'reports', 'page',   'View reports and data', 'Перегляд звітів і даних',
     'Open the Reports tab and read financial reports.', 'Бачити вкладку «Звіти» та фінансові звіти.', 10),
  ('reports.create', 'reports', 'action', 'Create reports',        'Створення звітів',
     'Build and save reports (Jusnote).', 'Створювати та зберігати звіти (Jusnote).', 20),

  -- Expense Management (Profit: cards, fund requests, budgets)
  ('cards.view_own',         'expense_management', 'action', 'View own card',            'Перегляд власної картки',
     'See one''s own card, its funds and limits (Profit cardholders).', 'Бачити власну картку, її кошти та ліміти (власники карток у Profit).', 10),
  ('cards.view_all',         'expense_management', 'page',   'View all cards',           'Перегляд усіх карток',
     'See every card of the organization.', 'Бачити всі картки організації.', 20),
  ('cards.issue',            'expense_management', 'action', 'Issue cards',              'Випуск карток',
     'Issue cards and set their limits.', 'Випускати картки та встановлювати ліміти.', 30),
  ('fund_requests.submit',   'expense_management', 'action', 'Submit fund requests',     'Подання запитів на кошти',
     'Ask for more funds on one''s card.', 'Просити додаткові кошти на свою картку.', 40),
  ('fund_requests.approve',  'expense_management', 'action', 'Approve fund requests',    'Затвердження запитів на кошти',
     'Approve or decline fund requests.', 'Погоджувати або відхиляти запити на кошти.', 50),
  ('budgets.view_all',       'expense_management', 'page',   'View all budgets',         'Перегляд усіх бюджетів',
     'See every budget (others see only budgets granted to them).', 'Бачити всі бюджети (інші бачать лише надані їм).', 60),
  ('budgets.manage',         'expense_management', 'action', 'Create and edit budgets',  'Створення та редагування бюджетів',
     'Create budgets and change their limits.', 'Створювати бюджети та змінювати їхні ліміти.', 70),

  -- Contacts (Jusnote: visible to every member whatever their permissions)
  ('contacts.view',   'contacts', 'page',   'View contacts',   'Перегляд контактів',
     'See the contact list.', 'Бачити список контактів.', 10),
  ('contacts.manage', 'contacts', 'action', 'Manage contacts', 'Керування контактами',
     'Add, edit and delete contacts.', 'Додавати, редагувати та видаляти контакти.', 20),

  -- Projects (Jusnote: access to a project gives access to all its documents)
  ('projects.view_all', 'projects', 'page',   'View all projects',        'Перегляд усіх проєктів',
     'See every project and its documents (others see only projects granted to them).', 'Бачити всі проєкти та їхні документи (інші бачать лише надані їм).', 10),
  ('projects.manage',   'projects', 'action', 'Create and edit projects', 'Створення та редагування проєктів',
     'Create projects and edit those one can reach, with their documents.', 'Створювати проєкти й редагувати доступні, разом із документами.', 20),

  -- Templates (Paycove: email templates, quote/invoice templates)
  ('email_templates.manage',    'templates', 'action', 'Edit and manage email templates',         'Керування шаблонами листів',
     'Edit the emails the product sends (Paycove).', 'Редагувати листи, які надсилає продукт (Paycove).', 10),
  ('document_templates.manage', 'templates', 'action', 'Edit and manage quote/invoice templates', 'Керування шаблонами пропозицій та інвойсів',
     'Edit the layout of quotes and invoices (Paycove).', 'Редагувати вигляд комерційних пропозицій та інвойсів (Paycove).', 20),

  -- Payments platform: permissions by resource (action) and by page (page)
  ('dashboard.view',            'payments', 'page',   'Dashboard page',            'Сторінка «Огляд»',
     'Open the dashboard.', 'Відкривати сторінку огляду.', 10),
  ('payment_transactions.view', 'payments', 'page',   'Transactions page',         'Сторінка «Транзакції»',
     'Open the payment transactions page.', 'Відкривати сторінку платіжних транзакцій.', 20),
  ('payment_transactions.refund', 'payments', 'action', 'Refund transactions',     'Повернення за транзакціями',
     'Refund a captured payment.', 'Повертати кошти за проведеним платежем.', 30),
  ('payouts.view',              'payments', 'page',   'Payouts page',              'Сторінка «Виплати»',
     'Open the payouts page.', 'Відкривати сторінку виплат.', 40),
  ('payouts.manage',            'payments', 'action', 'Manage payouts',            'Керування виплатами',
     'Schedule and cancel payouts.', 'Планувати та скасовувати виплати.', 50),
  ('disputes.view',             'payments', 'page',   'Disputes page',             'Сторінка «Спори»',
     'Open the disputes (chargebacks) page.', 'Відкривати сторінку спорів (чарджбеків).', 60),
  ('disputes.manage',           'payments', 'action', 'Respond to disputes',       'Відповідь на спори',
     'Submit evidence and accept disputes.', 'Подавати докази та приймати спори.', 70),
  ('merchants.view',            'payments', 'page',   'Merchants page',            'Сторінка «Мерчанти»',
     'Open the merchants page.', 'Відкривати сторінку мерчантів.', 80),
  ('merchants.manage',          'payments', 'action', 'Manage merchants',          'Керування мерчантами',
     'Create and edit merchants.', 'Створювати та редагувати мерчантів.', 90),
  ('api_keys.manage',           'payments', 'action', 'Manage API keys and webhooks', 'Керування API-ключами та вебхуками',
     'Create and revoke API keys and webhook endpoints.', 'Створювати та відкликати API-ключі й вебхуки.', 100),

  -- Administration (Jusnote: Settings tab; JustPaid: Manage Integrations; Profit: connected apps like QuickBooks)
  ('settings.view',        'administration', 'page',   'Settings page',        'Сторінка «Налаштування»',
     'See the Settings tab.', 'Бачити вкладку «Налаштування» на боковій панелі.', 10),
  ('integrations.manage',  'administration', 'action', 'Manage integrations',  'Керування інтеграціями',
     'Connect and disconnect other platforms (QuickBooks, CRMs).', 'Підключати та відключати інші платформи (QuickBooks, CRM).', 20),

  -- Team & access: what Rolecall's own RPC functions require
  ('members.invite',            'team', 'action', 'Invite members',                'Запрошення учасників',
     'Invite people by email and resend or revoke invitations.', 'Запрошувати людей електронною поштою, надсилати повторно й скасовувати запрошення.', 10),
  ('members.remove',            'team', 'action', 'Remove members',                'Видалення учасників',
     'Remove members ranked below oneself.', 'Видаляти учасників нижчого рівня.', 20),
  ('members.change_role',       'team', 'action', 'Change members'' roles',        'Зміна ролей учасників',
     'Give members ranked below oneself another role.', 'Призначати іншу роль учасникам нижчого рівня.', 30),
  ('members.edit_permissions',  'team', 'action', 'Edit members'' permissions',    'Зміна дозволів учасників',
     'Tick and untick a member''s permission checkboxes and resource access.', 'Надавати та скасовувати окремі дозволи учасника й доступ до ресурсів.', 40),
  ('members.deactivate',        'team', 'action', 'Deactivate and reactivate members', 'Деактивація та активація учасників',
     'Suspend a member''s access and restore it.', 'Призупиняти та відновлювати доступ учасника.', 50),
  ('members.edit_ip_allowlist', 'team', 'action', 'Edit IP allowlists',            'Зміна дозволених IP-адрес',
     'Limit the addresses a member may use.', 'Обмежувати адреси, з яких учасник може працювати.', 60),
  ('roles.manage',              'team', 'action', 'Manage roles',                  'Керування ролями',
     'Create, edit and delete roles ranked below oneself.', 'Створювати, змінювати та видаляти ролі нижчого рівня.', 70),
  ('policies.manage',           'team', 'action', 'Manage permission policies',    'Керування політиками дозволів',
     'Create, edit and delete permission policies.', 'Створювати, змінювати та видаляти політики дозволів.', 80),
  ('settings.manage',           'team', 'action', 'Manage organization settings',  'Керування налаштуваннями організації',
     'Rename the organization, set its language, invitation lifetime and notifications.', 'Змінювати назву, мову, строк дії запрошень і сповіщення організації.', 90),
  ('audit.view',                'team', 'action', 'View the audit trail',          'Перегляд журналу змін',
     'Read who changed what in the team.', 'Бачити, хто і що змінював у команді.', 100);

-- Implied permissions: an action brings the page (or the read) it needs. Without these a JustPaid
-- User with "Manage Bank Accounts" ("connect or disconnect bank accounts") saw no account to
-- disconnect, and "Approve Sales Contracts" ("validate and approve sales contracts") no contract.
-- Not implied on purpose: projects.manage (Jusnote users edit only the projects granted to them, so
-- it must not open projects.view_all) and the team keys (Rolecall's RPCs check each one itself).
insert into rolecall.permission_requires (permission_key, requires_key) values
  ('bills.create',                      'bills.view'),
  ('bills.approve',                     'bills.view'),
  ('bills.pay',                         'bills.view'),
  ('payees.manage',                     'bills.view'),
  ('sales_contracts.approve',           'sales_contracts.view'),
  ('invoices.create',                   'invoices.view'),
  ('payments.record',                   'invoices.view'),
  ('refunds.process',                   'invoices.view'),
  ('bank_accounts.manage',              'bank_accounts.view'),
  ('bank_accounts.download_statements', 'bank_accounts.view'),
  ('bank_transactions.view',            'bank_accounts.view'),
  ('bank_transactions.create',          'bank_transactions.view'),
  ('funds.transfer_internal',           'bank_accounts.view'),
  ('reports.create',                    'reports.view'),
  ('cards.issue',                       'cards.view_all'),
  ('budgets.manage',                    'budgets.view_all'),
  ('contacts.manage',                   'contacts.view'),
  ('payment_transactions.refund',       'payment_transactions.view'),
  ('payouts.manage',                    'payouts.view'),
  ('disputes.manage',                   'disputes.view'),
  ('merchants.manage',                  'merchants.view'),
  ('settings.manage',                   'settings.view');

-- The page each key lives on ("Permission by page"): a page is its own; an action, the page it
-- requires (directly or not); keys without a page (team keys, templates) keep null.
update rolecall.permissions p set page = p.key where p.kind = 'page';
update rolecall.permissions p
   set page = (select min(c.requires_key) from rolecall_private.permission_closure c
                 join rolecall.permissions q on q.key = c.requires_key and q.kind = 'page'
                where c.permission_key = p.key)
 where p.kind = 'action';
