-- Organization templates: one per product doc (../shared/seeds) plus a blank one. Creating an
-- organization (rolecall.create_organization) copies a template's policies and roles, names them in
-- the organization's language, and puts the creator into the template's creator role as the primary
-- member. Templates are catalog data, like the permissions: readable by signed-in users (the
-- "create organization" form lists them), written only by operators and migrations.
--
-- How each product doc maps onto the model:
--   blank              Admin (all permissions) + Member (default, checkboxes).
--   justpaid           Admin / Accountant / User; the six checkboxes of the doc (template_checkboxes)
--                      are member overrides on Accountant and User.
--   jusnote            multi admin mode, Ukrainian: Адміністратор (all) / Користувач with checkboxes
--                      for the Settings, Bank accounts, Reports and Invoices permission types; contacts
--                      for everyone (a policy every role has); projects through resource grants.
--   profit             Owner (all, max_members 1: a second owner or a new owner only through support,
--                      i.e. rolecall.ops_transfer_ownership) / Administrator (broad defaults,
--                      customizable) / Contributor (limited, customizable, budgets by grant) /
--                      Cardholder (own card only, not editable, no checkboxes).
--   paycove            single admin mode: Admin (all, max_members 1) / Manager (add users, email and
--                      quote/invoice templates) / Standard user (default).
--   payments_platform  only the Admin role (all, not editable); sample policies "by resource" and
--                      "by page" that an admin combines into custom roles.
--
-- Each template also lists the checkboxes its product shows (template_checkboxes, copied into
-- rolecall.checkboxes) and the catalog sections it uses (templates.sections): an organization's
-- my_permissions lists those sections, its checkboxes' and policies' keys, not the whole catalog.

-- tables

create table rolecall.templates (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
  name_en text not null check (btrim(name_en) <> ''),
  name_uk text not null check (btrim(name_uk) <> ''),
  description_en text not null default '',
  description_uk text not null default '',
  admin_mode rolecall.admin_mode not null default 'multi',
  language text not null default 'en' check (language in ('en', 'uk')),
  sections text[] not null default '{}',
  position integer not null default 0
);
comment on column rolecall.templates.sections is 'The catalog sections the product shows (rolecall.permission_sections keys); empty = the whole catalog (blank). An organization''s catalog is these sections plus every key its policies and checkboxes use (rolecall_private.organization_catalog).';
comment on table rolecall.templates is 'Organization templates (blank and one per product doc): the roles and policies a new organization starts with.';
comment on column rolecall.templates.admin_mode is 'The admin mode a new organization gets (single for Paycove).';
comment on column rolecall.templates.language is 'Default language of the organization (role and policy names, emails) unless create_organization is given one.';

create table rolecall.template_policies (
  template_key text not null references rolecall.templates (key) on update cascade on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  name_en text not null check (btrim(name_en) <> '' and length(name_en) <= 100),
  name_uk text not null check (btrim(name_uk) <> '' and length(name_uk) <= 100),
  description_en text not null default '',
  description_uk text not null default '',
  permission_keys text[] not null default '{}' check (cardinality(permission_keys) <= 100),
  position integer not null default 0,
  primary key (template_key, key)
);
comment on table rolecall.template_policies is 'Permission policies a template seeds. permission_keys must exist in rolecall.permissions (checked by the copy: policy_permissions has a foreign key, and by tests/db/catalog-templates.test.ts).';

create table rolecall.template_roles (
  template_key text not null references rolecall.templates (key) on update cascade on delete cascade,
  key text not null check (key in ('owner', 'admin', 'administrator', 'accountant', 'manager', 'contributor', 'cardholder', 'user', 'standard', 'member')),
  name_en text not null check (btrim(name_en) <> '' and length(name_en) <= 100),
  name_uk text not null check (btrim(name_uk) <> '' and length(name_uk) <= 100),
  description_en text not null default '',
  description_uk text not null default '',
  rank integer not null check (rank between 0 and 1000),
  all_permissions boolean not null default false,
  editable boolean not null default true,
  member_overrides boolean not null default false,
  max_members integer check (max_members > 0),
  is_default boolean not null default false,
  is_creator boolean not null default false,
  policy_keys text[] not null default '{}',
  position integer not null default 0,
  primary key (template_key, key),
  check (not all_permissions or (not editable and not member_overrides and policy_keys = '{}')),
  check (not is_creator or all_permissions)
);
comment on table rolecall.template_roles is 'Roles a template seeds; copied into rolecall.roles with template_key = key. Exactly one is_creator role (all permissions) per template: the creator becomes the primary member in it.';
comment on column rolecall.template_roles.key is 'Stable role key (owner, admin, administrator, accountant, manager, contributor, cardholder, user, standard, member), kept in rolecall.roles.template_key.';
comment on column rolecall.template_roles.policy_keys is 'Keys of the template_policies this role starts with.';
create unique index template_roles_one_creator on rolecall.template_roles (template_key) where is_creator;
create unique index template_roles_one_default on rolecall.template_roles (template_key) where is_default;

create table rolecall.template_checkboxes (
  template_key text not null references rolecall.templates (key) on update cascade on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  section text not null references rolecall.permission_sections (key) on update cascade,
  label_en text not null check (btrim(label_en) <> ''),
  label_uk text not null check (btrim(label_uk) <> ''),
  description_en text not null default '',
  description_uk text not null default '',
  permission_keys text[] not null default '{}',
  role_key text,
  always_on boolean not null default false,
  position integer not null default 0,
  primary key (template_key, key),
  foreign key (template_key, role_key) references rolecall.template_roles (template_key, key) on update cascade on delete cascade,
  -- a box is a bundle of keys or one role, never both
  check ((role_key is null) = (cardinality(permission_keys) > 0)),
  check (not (always_on and role_key is not null))
);
comment on table rolecall.template_checkboxes is 'The checkboxes a product shows on a member''s card, with the product''s labels: a bundle of catalog keys, or a template role (Jusnote "Адміністратор"). Copied into rolecall.checkboxes. Shown for every role with member_overrides; always_on boxes hold for every active member.';
comment on column rolecall.template_checkboxes.permission_keys is 'The catalog keys the box stands for (must exist in rolecall.permissions; the copy checks it by foreign key).';
comment on column rolecall.template_checkboxes.role_key is 'For a box that stands for a role: the template role key.';
create index template_checkboxes_role_idx on rolecall.template_checkboxes (template_key, role_key);
create index template_checkboxes_section_idx on rolecall.template_checkboxes (section);

-- RLS: catalog data, public to signed-in users.

alter table rolecall.templates enable row level security;
alter table rolecall.template_policies enable row level security;
alter table rolecall.template_roles enable row level security;
alter table rolecall.template_checkboxes enable row level security;

grant select on rolecall.templates, rolecall.template_policies, rolecall.template_roles, rolecall.template_checkboxes to authenticated;
grant all on rolecall.templates, rolecall.template_policies, rolecall.template_roles, rolecall.template_checkboxes to service_role;

create policy "Templates are visible to signed-in users"
  on rolecall.templates for select to authenticated using (true);
create policy "Template policies are visible to signed-in users"
  on rolecall.template_policies for select to authenticated using (true);
create policy "Template roles are visible to signed-in users"
  on rolecall.template_roles for select to authenticated using (true);
create policy "Template checkboxes are visible to signed-in users"
  on rolecall.template_checkboxes for select to authenticated using (true);

-- data

insert into rolecall.templates (key, name_en, name_uk, description_en, description_uk, admin_mode, language, position) values
  ('blank', 'Blank', 'Порожній',
   'An Admin with every permission and a Member role with per-member checkboxes.',
   'Адміністратор з усіма дозволами та роль «Учасник» з індивідуальними дозволами.', 'multi', 'en', 0),
  ('justpaid', 'JustPaid', 'JustPaid',
   'Admin, Accountant and User; Admins tick per-user checkboxes (Approve Bills, Bank Transactions, ...).',
   'Адміністратор, Бухгалтер і Користувач; адміністратор надає окремі дозволи (затвердження рахунків, транзакції, ...).', 'multi', 'en', 10),
  ('jusnote', 'Jusnote', 'Jusnote',
   'Several equal Administrators and Users whose permission types unlock Settings, Bank accounts, Reports and Invoices.',
   'Кілька рівноправних Адміністраторів і Користувачі, яким типи дозволів відкривають Налаштування, Рахунки, Звіти та Інвойси.', 'multi', 'uk', 20),
  ('profit', 'Profit', 'Profit',
   'Owner, Administrators, Contributors and Cardholders; owners change only through support.',
   'Власник, Адміністратори, Учасники та Власники карток; власник змінюється лише через підтримку.', 'multi', 'en', 30),
  ('paycove', 'Paycove', 'Paycove',
   'Exactly one Admin, any number of Managers, and standard users.',
   'Рівно один Адміністратор, будь-яка кількість Менеджерів і звичайні користувачі.', 'single', 'en', 40),
  ('payments_platform', 'Payments platform', 'Платіжна платформа',
   'An Admin role and permission policies (by resource and by page) to build custom roles from.',
   'Роль Адміністратора та політики дозволів (за ресурсами й сторінками) для власних ролей.', 'multi', 'en', 50);

insert into rolecall.template_policies (template_key, key, name_en, name_uk, description_en, description_uk, permission_keys, position) values
  ('blank', 'everyday', 'Everyday work', 'Щоденна робота',
   'What every member sees.', 'Те, що бачить кожен учасник.',
   '{contacts.view}', 10),

  ('justpaid', 'basic', 'Basic access', 'Базовий доступ',
   'Bills, invoices and contacts.', 'Рахунки, інвойси та контакти.',
   '{bills.view,bills.create,invoices.view,invoices.create,contacts.view}', 10),
  ('justpaid', 'accounting', 'Accounting', 'Бухгалтерія',
   'What accountants need: the books, bank balances and transactions, reports.', 'Те, що потрібно бухгалтеру: облік, баланси й транзакції, звіти.',
   '{bills.view,bills.create,bills.pay,invoices.view,invoices.create,payments.record,bank_accounts.view,bank_transactions.view,reports.view,sales_contracts.view,contacts.view,contacts.manage}', 20),

  ('jusnote', 'contacts', 'Contacts', 'Контакти',
   'The contact list is visible whatever the permission type.', 'Список контактів видимий незалежно від типу дозволу.',
   '{contacts.view,contacts.manage,projects.manage}', 10),

  ('profit', 'bill_pay', 'Bill Pay', 'Оплата рахунків',
   'Add/update payees, manage bills and make payments.', 'Додавати й змінювати отримувачів, керувати рахунками та проводити оплати.',
   '{payees.manage,bills.view,bills.create,bills.approve,bills.pay}', 10),
  ('profit', 'invoicing', 'Invoicing & Payments', 'Інвойси та платежі',
   'Create and edit invoices, process refunds.', 'Створювати й редагувати інвойси, повертати кошти.',
   '{invoices.view,invoices.create,payments.record,refunds.process}', 20),
  ('profit', 'banking', 'Banking', 'Банківські операції',
   'View balances, download statements, transfer between own accounts.', 'Бачити баланси, завантажувати виписки, переказувати між власними рахунками.',
   '{bank_accounts.view,bank_accounts.download_statements,bank_transactions.view,funds.transfer_internal}', 30),
  ('profit', 'administration', 'Administration', 'Адміністрування',
   'Add/invite team members, manage team permissions and connected apps like QuickBooks.', 'Додавати й запрошувати учасників, керувати їхніми дозволами та підключеними застосунками, як-от QuickBooks.',
   '{members.invite,members.change_role,members.edit_permissions,members.deactivate,integrations.manage,settings.view}', 40),
  ('profit', 'expense_management', 'Expense Management', 'Керування витратами',
   'Issue cards, approve fund requests, create and edit budgets.', 'Випускати картки, погоджувати запити на кошти, створювати й редагувати бюджети.',
   '{cards.view_all,cards.issue,fund_requests.approve,budgets.view_all,budgets.manage,reports.view}', 50),
  ('profit', 'contributor', 'Contributor basics', 'Базові дозволи учасника',
   'Bills and fund requests; budgets only where granted.', 'Рахунки та запити на кошти; бюджети — лише надані.',
   '{bills.view,bills.create,cards.view_own,fund_requests.submit}', 60),
  ('profit', 'cardholder', 'Own card', 'Власна картка',
   'Their card, its funds and limits, and fund requests.', 'Власна картка, її кошти й ліміти, запити на кошти.',
   '{cards.view_own,fund_requests.submit}', 70),

  ('paycove', 'team_templates', 'Team and templates', 'Команда та шаблони',
   'Add new users, edit email and quote/invoice templates.', 'Додавати користувачів, редагувати шаблони листів, пропозицій та інвойсів.',
   '{members.invite,email_templates.manage,document_templates.manage}', 10),
  ('paycove', 'standard', 'Everyday work', 'Щоденна робота',
   'Anything except the Admin and Manager permissions.', 'Усе, окрім дозволів Адміністратора та Менеджера.',
   '{bills.view,bills.create,invoices.view,invoices.create,payments.record,contacts.view,contacts.manage,reports.view}', 20),

  ('payments_platform', 'transactions', 'Transactions (by resource)', 'Транзакції (за ресурсом)',
   'See and refund payment transactions.', 'Перегляд і повернення платіжних транзакцій.',
   '{payment_transactions.view,payment_transactions.refund,disputes.view,disputes.manage}', 10),
  ('payments_platform', 'payouts', 'Payouts (by resource)', 'Виплати (за ресурсом)',
   'See and manage payouts.', 'Перегляд і керування виплатами.',
   '{payouts.view,payouts.manage}', 20),
  ('payments_platform', 'read_only_pages', 'Read-only pages (by page)', 'Лише перегляд (за сторінками)',
   'Open the dashboard, transactions, payouts, disputes and merchants pages.', 'Відкривати сторінки огляду, транзакцій, виплат, спорів і мерчантів.',
   '{dashboard.view,payment_transactions.view,payouts.view,disputes.view,merchants.view,reports.view}', 30),
  ('payments_platform', 'developers', 'Developers', 'Розробники',
   'API keys and webhooks, merchants.', 'API-ключі, вебхуки та мерчанти.',
   '{api_keys.manage,merchants.view,merchants.manage,dashboard.view}', 40),
  -- NOTE: no members.change_role: "Only the 'Administrator' has the authority/ permission to change
  -- the user roles of any other existing user accounts" (the Admin role holds every permission).
  ('payments_platform', 'user_management', 'User management', 'Керування користувачами',
   'Invite, deactivate and reactivate users, edit their IP allowlists. Only the Administrator changes roles.', 'Запрошувати, деактивувати й відновлювати користувачів, змінювати їхні списки IP. Ролі змінює лише Адміністратор.',
   '{members.invite,members.deactivate,members.edit_ip_allowlist}', 50);

insert into rolecall.template_roles
  (template_key, key, name_en, name_uk, description_en, description_uk, rank, all_permissions, editable, member_overrides, max_members, is_default, is_creator, policy_keys, position) values
  ('blank', 'admin', 'Admin', 'Адміністратор', 'Every permission.', 'Усі дозволи.',
   100, true, false, false, null, false, true, '{}', 10),
  ('blank', 'member', 'Member', 'Учасник', 'Everyday work plus the checkboxes an admin ticks.', 'Щоденна робота та дозволи, надані адміністратором.',
   10, false, true, true, null, true, false, '{everyday}', 20),

  ('justpaid', 'admin', 'Admin', 'Адміністратор', 'Super-users with access to every transaction, integration and report.', 'Суперкористувачі з доступом до всіх транзакцій, інтеграцій і звітів.',
   100, true, false, false, null, false, true, '{}', 10),
  ('justpaid', 'accountant', 'Accountant', 'Бухгалтер', 'Crafted for accountants and financial experts.', 'Для бухгалтерів і фінансистів.',
   50, false, true, true, null, false, false, '{accounting}', 20),
  ('justpaid', 'user', 'User', 'Користувач', 'A flexible role: the Admin ticks the permissions each user needs.', 'Гнучка роль: адміністратор надає кожному потрібні дозволи.',
   10, false, true, true, null, true, false, '{basic}', 30),

  ('jusnote', 'admin', 'Administrator', 'Адміністратор', 'Sees Settings, adds and deactivates Users, appoints Administrators. Several admins have equal rights.', 'Бачить Налаштування, додає й деактивує Користувачів, призначає Адміністраторів. Кілька адміністраторів мають рівні права.',
   100, true, false, false, null, false, true, '{}', 10),
  ('jusnote', 'user', 'User', 'Користувач', 'A person the Administrator gave access to; permission types unlock sections.', 'Особа, якій Адміністратор надав доступ; типи дозволів відкривають розділи.',
   10, false, true, true, null, true, false, '{contacts}', 20),

  ('profit', 'owner', 'Owner', 'Власник', 'All permissions and full control. Contact support to change or add owners.', 'Усі дозволи й повний контроль. Щоб змінити чи додати власника, зверніться до підтримки.',
   100, true, false, false, 1, false, true, '{}', 10),
  ('profit', 'administrator', 'Administrator', 'Адміністратор', 'Broad permissions by default; the Owner customizes them.', 'Широкі дозволи за замовчуванням; Власник може їх налаштувати.',
   80, false, true, true, null, false, false, '{bill_pay,invoicing,banking,administration,expense_management}', 20),
  ('profit', 'contributor', 'Contributor', 'Учасник', 'Limited permissions tailored to specific tasks and budgets.', 'Обмежені дозволи під конкретні завдання та бюджети.',
   40, false, true, true, null, true, false, '{contributor}', 30),
  ('profit', 'cardholder', 'Cardholder', 'Власник картки', 'Access to their own card and its limits only. Not customizable.', 'Доступ лише до власної картки та її лімітів. Не налаштовується.',
   10, false, false, false, null, false, false, '{cardholder}', 40),

  ('paycove', 'admin', 'Admin', 'Адміністратор', 'The one account administrator: promotes, demotes and deletes users; gets notification emails.', 'Єдиний адміністратор акаунта: підвищує, знижує й видаляє користувачів; отримує сповіщення.',
   100, true, false, false, 1, false, true, '{}', 10),
  -- NOTE: the Paycove doc contradicts itself on deleting users: the Manager's list says "Delete users",
  -- but the text says "only the Admin will be able to delete users". Rolecall follows the latter (it
  -- is also the Admin's own list and the "Team" screen): the Manager role has no members.remove.
  ('paycove', 'manager', 'Manager', 'Менеджер', 'Adds users and manages email and quote/invoice templates.', 'Додає користувачів і керує шаблонами листів, пропозицій та інвойсів.',
   50, false, true, false, null, false, false, '{team_templates,standard}', 20),
  ('paycove', 'standard', 'Standard user', 'Звичайний користувач', 'Anything except the Admin and Manager permissions.', 'Усе, окрім дозволів Адміністратора та Менеджера.',
   10, false, true, false, null, true, false, '{standard}', 30),

  ('payments_platform', 'admin', 'Admin', 'Адміністратор', 'Every permission. The Admin role cannot be edited.', 'Усі дозволи. Роль Адміністратора не редагується.',
   100, true, false, false, null, false, true, '{}', 10);

-- The catalog sections each product shows ("team" is Rolecall's own: every product has a team page).
update rolecall.templates t set sections = v.sections
  from (values
    ('justpaid',          '{bill_pay,sales,invoicing,banking,reports,contacts,administration,team}'::text[]),
    ('jusnote',           '{administration,banking,reports,invoicing,contacts,projects,team}'::text[]),
    ('profit',            '{bill_pay,invoicing,banking,administration,expense_management,team}'::text[]),
    ('paycove',           '{bill_pay,invoicing,contacts,reports,templates,team}'::text[]),
    ('payments_platform', '{payments,reports,team}'::text[])
  ) as v (key, sections)
 where t.key = v.key;

-- The checkboxes each product shows, in its own words.
insert into rolecall.template_checkboxes
  (template_key, key, section, label_en, label_uk, description_en, description_uk, permission_keys, role_key, always_on, position) values
  -- JustPaid: "specific checkboxes that allow Admins to customize the permissions granted to each user"
  ('justpaid', 'approve_bills', 'bill_pay', 'Approve Bills', 'Затвердження рахунків',
   'Grant permission to green-light the bills.', 'Дозвіл погоджувати рахунки.', '{bills.approve}', null, false, 10),
  ('justpaid', 'approve_sales_contracts', 'sales', 'Approve Sales Contracts', 'Затвердження договорів продажу',
   'Allow users to validate and approve sales contracts.', 'Перевіряти та затверджувати договори продажу.', '{sales_contracts.approve}', null, false, 20),
  -- "Bank Transactions: Entrust users to make payments for approved bills" — paying a bill is bills.pay
  ('justpaid', 'bank_transactions', 'banking', 'Bank Transactions', 'Банківські транзакції',
   'Entrust users to make payments for approved bills.', 'Доручати оплату затверджених рахунків.', '{bank_transactions.create,bills.pay}', null, false, 30),
  ('justpaid', 'manage_bank_accounts', 'banking', 'Manage Bank Accounts', 'Керування банківськими рахунками',
   'Offer the ability to connect or disconnect bank accounts.', 'Підключати та відключати банківські рахунки.', '{bank_accounts.manage}', null, false, 40),
  ('justpaid', 'manage_integrations', 'administration', 'Manage Integrations', 'Керування інтеграціями',
   'Empower users to connect other platforms and services seamlessly.', 'Підключати інші платформи та сервіси.', '{integrations.manage}', null, false, 50),
  ('justpaid', 'view_reports_and_data', 'reports', 'View Reports and Data', 'Перегляд звітів і даних',
   'Ensure users can only view necessary financial reports and data.', 'Переглядати потрібні фінансові звіти й дані.', '{reports.view}', null, false, 60),

  -- Jusnote: "Типи дозволів" — four permission types, and the contact list for everyone
  ('jusnote', 'administrator', 'administration', 'Administrator', 'Адміністратор',
   'Sees the Settings tab, configures the system, adds or deactivates Users, appoints Administrators.',
   'Бачить вкладку «Налаштування», налаштовує систему, додає або деактивовує Користувачів, призначає додаткових Адміністраторів.',
   '{}', 'admin', false, 10),
  ('jusnote', 'bank_accounts', 'banking', 'Bank accounts (Accounts)', 'Банківські рахунки',
   'Sees the Accounts tab, adds current accounts, makes transactions, sees balances and transactions.',
   'Бачить вкладку «Рахунки», додає інформацію про поточні рахунки, проводить транзакції, бачить баланс і транзакції.',
   '{bank_accounts.view,bank_accounts.manage,bank_transactions.view,bank_transactions.create}', null, false, 20),
  ('jusnote', 'reports', 'reports', 'Reports', 'Звіти',
   'Sees the Reports tab and creates reports.', 'Бачить вкладку «Звіти» і створює різні звіти.',
   '{reports.view,reports.create}', null, false, 30),
  ('jusnote', 'invoices', 'invoicing', 'Invoices (Billing)', 'Інвойси',
   'Sees the Invoices tab, creates, edits and deletes invoices, registers payments without the Bank accounts tab.',
   'Бачить вкладку «Інвойси», створює, редагує та видаляє інвойси, реєструє оплати без входу у вкладку «Банківські рахунки».',
   '{invoices.view,invoices.create,payments.record}', null, false, 40),
  -- "Список контактів є видимим незалежно від рівня типу дозволу (типу доступу)."
  ('jusnote', 'contacts', 'contacts', 'Contact list', 'Список контактів',
   'Visible whatever the permission type.', 'Видимий незалежно від рівня типу дозволу.',
   '{contacts.view}', null, true, 50),

  -- Profit: "Adjust permissions as needed for Administrators and Contributors", by the doc's sections
  ('profit', 'payees', 'bill_pay', 'Add/update payees', 'Додавати й змінювати отримувачів', '', '', '{payees.manage}', null, false, 10),
  ('profit', 'bills', 'bill_pay', 'Manage bills', 'Керувати рахунками', '', '', '{bills.view,bills.create,bills.approve}', null, false, 20),
  ('profit', 'payments', 'bill_pay', 'Make payments', 'Проводити оплати', '', '', '{bills.pay}', null, false, 30),
  ('profit', 'invoices', 'invoicing', 'Create/edit invoices', 'Створювати й редагувати інвойси', '', '', '{invoices.view,invoices.create,payments.record}', null, false, 40),
  ('profit', 'refunds', 'invoicing', 'Process refunds', 'Повертати кошти', '', '', '{refunds.process}', null, false, 50),
  ('profit', 'balances', 'banking', 'View account balances and download statements', 'Бачити баланси й завантажувати виписки', '', '',
   '{bank_accounts.view,bank_transactions.view,bank_accounts.download_statements}', null, false, 60),
  ('profit', 'internal_transfers', 'banking', 'Transfer funds between internal accounts', 'Переказувати кошти між власними рахунками', '', '', '{funds.transfer_internal}', null, false, 70),
  ('profit', 'team_members', 'administration', 'Add/invite team members', 'Додавати й запрошувати учасників', '', '', '{members.invite}', null, false, 80),
  ('profit', 'team_permissions', 'administration', 'Manage team permissions', 'Керувати дозволами команди', '', '', '{members.change_role,members.edit_permissions,members.deactivate}', null, false, 90),
  ('profit', 'connected_apps', 'administration', 'Manage connected apps like QuickBooks', 'Керувати підключеними застосунками, як-от QuickBooks', '', '', '{integrations.manage,settings.view}', null, false, 100),
  ('profit', 'issue_cards', 'expense_management', 'Issue cards', 'Випускати картки', '', '', '{cards.issue}', null, false, 110),
  ('profit', 'fund_requests', 'expense_management', 'Approve fund requests', 'Погоджувати запити на кошти', '', '', '{fund_requests.approve}', null, false, 120),
  ('profit', 'budgets', 'expense_management', 'Create and edit budgets', 'Створювати й редагувати бюджети', '', '', '{budgets.manage}', null, false, 130);
