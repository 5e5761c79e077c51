-- Demo data: one organization per template, one demo user per role, a few rows in every example
-- vendor table, some per-member checkboxes and resource grants, and a pending invitation.
-- Runs once on a fresh database after the migrations (`supabase db reset`, `npm start`, the tests).
--
-- Every demo user signs in with the password `rolecall-demo` (demo only; the hash below is bcrypt,
-- as GoTrue stores it). Fixed ids, so docs and tests can refer to them:
--   organizations  a0000000-0000-4000-8000-00000000000N   1 JustPaid · 2 Jusnote · 3 Profit ·
--                                                         4 Paycove · 5 Payments platform · 6 Blank
--   users          b0000000-0000-4000-8000-000000000NKK   N = organization, KK = person (01 = creator, primary)
--   members        c0000000-0000-4000-8000-000000000NKK   (the creators' member rows get generated ids)
--
--   JustPaid          admin@justpaid.demo (Admin, primary), accountant@justpaid.demo, user@justpaid.demo
--                     (ticked: Approve Bills)
--   Jusnote (uk)      admin@jusnote.demo (Адміністратор, primary), admin2@jusnote.demo (second admin),
--                     user@jusnote.demo (Bank accounts + Reports ticked, project "Справа Коваленко")
--   Profit            owner@profit.demo, administrator@profit.demo, contributor@profit.demo
--                     (budget "Marketing"), cardholder@profit.demo (card •4242)
--   Paycove (single)  admin@paycove.demo, manager@paycove.demo, standard@paycove.demo
--   Payments platform admin@payments.demo, analyst@payments.demo (custom role "Analyst");
--                     pending invitation for new.analyst@payments.demo (IP range 203.0.113.0/24)
--   Blank             admin@blank.demo, member@blank.demo

-- users (only columns that both Supabase's auth.users and server/sql/platform.sql have), created and
-- confirmed a month ago: demo admins are no "new accounts" for the invitation limits
-- (rolecall_private.invitation_settings), and their confirmed addresses predate any invitation.

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change)
select '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated', u.email,
       '$2b$10$iuy9t4fYbvW7SYbAA8XOGuG1AgkKsYk9BlP0ZVtXb3ZFGMvvr/kBm', now() - interval '30 days',
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', u.name),
       now() - interval '30 days', now() - interval '30 days',
       '', '', '', ''
  from (values
    ('b0000000-0000-4000-8000-000000000101', 'admin@justpaid.demo',         'Jordan Admin'),
    ('b0000000-0000-4000-8000-000000000102', 'accountant@justpaid.demo',    'Avery Accountant'),
    ('b0000000-0000-4000-8000-000000000103', 'user@justpaid.demo',          'Uma User'),
    ('b0000000-0000-4000-8000-000000000201', 'admin@jusnote.demo',          'Олена Адміністраторка'),
    ('b0000000-0000-4000-8000-000000000202', 'admin2@jusnote.demo',         'Андрій Адміністратор'),
    ('b0000000-0000-4000-8000-000000000203', 'user@jusnote.demo',           'Ірина Користувачка'),
    ('b0000000-0000-4000-8000-000000000301', 'owner@profit.demo',           'Olivia Owner'),
    ('b0000000-0000-4000-8000-000000000302', 'administrator@profit.demo',   'Adam Administrator'),
    ('b0000000-0000-4000-8000-000000000303', 'contributor@profit.demo',     'Cora Contributor'),
    ('b0000000-0000-4000-8000-000000000304', 'cardholder@profit.demo',      'Cal Cardholder'),
    ('b0000000-0000-4000-8000-000000000401', 'admin@paycove.demo',          'Pat Admin'),
    ('b0000000-0000-4000-8000-000000000402', 'manager@paycove.demo',        'Morgan Manager'),
    ('b0000000-0000-4000-8000-000000000403', 'standard@paycove.demo',       'Sam Standard'),
    ('b0000000-0000-4000-8000-000000000501', 'admin@payments.demo',         'Priya Admin'),
    ('b0000000-0000-4000-8000-000000000502', 'analyst@payments.demo',       'Ana Analyst'),
    ('b0000000-0000-4000-8000-000000000601', 'admin@blank.demo',            'Blake Admin'),
    ('b0000000-0000-4000-8000-000000000602', 'member@blank.demo',           'Mel Member')
  ) as u (id, email, name);

-- Real Supabase signs in through auth.identities (one email identity per user); the local
-- platform SQL has no such table, so this step runs only where it exists.
do $$
begin
  if to_regclass('auth.identities') is not null then
    execute $sql$
      insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
      select gen_random_uuid(), u.id, u.id::text, 'email',
             jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), now(), now(), now()
        from auth.users u where u.email like '%.demo'
    $sql$;
  end if;
end;
$$;

-- organizations, created from their templates exactly as create_organization does

select rolecall_private.instantiate_template('a0000000-0000-4000-8000-000000000001', 'JustPaid Demo Inc.', 'justpaid', 'en', 'b0000000-0000-4000-8000-000000000101');
select rolecall_private.instantiate_template('a0000000-0000-4000-8000-000000000002', 'Юридична фірма «Демо»', 'jusnote', 'uk', 'b0000000-0000-4000-8000-000000000201');
select rolecall_private.instantiate_template('a0000000-0000-4000-8000-000000000003', 'Profit Demo Co.', 'profit', 'en', 'b0000000-0000-4000-8000-000000000301');
select rolecall_private.instantiate_template('a0000000-0000-4000-8000-000000000004', 'Paycove Demo LLC', 'paycove', 'en', 'b0000000-0000-4000-8000-000000000401');
select rolecall_private.instantiate_template('a0000000-0000-4000-8000-000000000005', 'Payments Demo Ltd', 'payments_platform', 'en', 'b0000000-0000-4000-8000-000000000501');
select rolecall_private.instantiate_template('a0000000-0000-4000-8000-000000000006', 'Blank Demo', 'blank', 'en', 'b0000000-0000-4000-8000-000000000601');

-- payments platform: a custom role made of two sample policies (as an admin would build it)

insert into rolecall.roles (organization_id, name, description, rank, member_overrides)
values ('a0000000-0000-4000-8000-000000000005', 'Analyst', 'Reads every page and handles disputes.', 50, false);
insert into rolecall.role_policies (role_id, policy_id, organization_id)
select r.id, p.id, r.organization_id
  from rolecall.roles r
  join rolecall.policies p on p.organization_id = r.organization_id and p.name in ('Read-only pages (by page)', 'Transactions (by resource)')
 where r.organization_id = 'a0000000-0000-4000-8000-000000000005' and r.name = 'Analyst';

-- members (the creators are already primary members)

insert into rolecall.members (id, organization_id, user_id, role_id)
select m.id::uuid, m.org::uuid, m.user_id::uuid, r.id
  from (values
    ('c0000000-0000-4000-8000-000000000102', 'a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000102', 'accountant'),
    ('c0000000-0000-4000-8000-000000000103', 'a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000103', 'user'),
    ('c0000000-0000-4000-8000-000000000202', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000202', 'admin'),
    ('c0000000-0000-4000-8000-000000000203', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000203', 'user'),
    ('c0000000-0000-4000-8000-000000000302', 'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000302', 'administrator'),
    ('c0000000-0000-4000-8000-000000000303', 'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000303', 'contributor'),
    ('c0000000-0000-4000-8000-000000000304', 'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000304', 'cardholder'),
    ('c0000000-0000-4000-8000-000000000402', 'a0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000402', 'manager'),
    ('c0000000-0000-4000-8000-000000000403', 'a0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000403', 'standard'),
    ('c0000000-0000-4000-8000-000000000602', 'a0000000-0000-4000-8000-000000000006', 'b0000000-0000-4000-8000-000000000602', 'member')
  ) as m (id, org, user_id, role_key)
  join rolecall.roles r on r.organization_id = m.org::uuid and r.template_key = m.role_key;

insert into rolecall.members (id, organization_id, user_id, role_id)
select 'c0000000-0000-4000-8000-000000000502', r.organization_id, 'b0000000-0000-4000-8000-000000000502', r.id
  from rolecall.roles r where r.organization_id = 'a0000000-0000-4000-8000-000000000005' and r.name = 'Analyst';

-- per-member checkboxes and resource grants

insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect) values
  ('c0000000-0000-4000-8000-000000000103', 'a0000000-0000-4000-8000-000000000001', 'bills.approve', 'grant'),
  ('c0000000-0000-4000-8000-000000000102', 'a0000000-0000-4000-8000-000000000001', 'bank_transactions.create', 'grant'),
  ('c0000000-0000-4000-8000-000000000203', 'a0000000-0000-4000-8000-000000000002', 'bank_accounts.view', 'grant'),
  ('c0000000-0000-4000-8000-000000000203', 'a0000000-0000-4000-8000-000000000002', 'bank_transactions.view', 'grant'),
  ('c0000000-0000-4000-8000-000000000203', 'a0000000-0000-4000-8000-000000000002', 'reports.view', 'grant');

insert into rolecall.resource_grants (member_id, organization_id, resource_type, resource_id) values
  ('c0000000-0000-4000-8000-000000000203', 'a0000000-0000-4000-8000-000000000002', 'project', 'e0000000-0000-4000-8000-000000000201'),
  ('c0000000-0000-4000-8000-000000000303', 'a0000000-0000-4000-8000-000000000003', 'budget', 'e0000000-0000-4000-8000-000000000301');

-- a pending invitation (the token exists only in the email; this one is 'demo-invitation-token')

insert into rolecall.invitations (organization_id, email, role_id, ip_allowlist, token_hash, expires_at, invited_by)
select r.organization_id, 'new.analyst@payments.demo', r.id, '{203.0.113.0/24}', sha256('demo-invitation-token'::bytea),
       now() + interval '72 hours', 'b0000000-0000-4000-8000-000000000501'
  from rolecall.roles r where r.organization_id = 'a0000000-0000-4000-8000-000000000005' and r.name = 'Analyst';

-- example vendor rows

insert into example.bills (id, organization_id, vendor_name, amount, due_on, status, created_by) values
  ('d0000000-0000-4000-8000-000000000101', 'a0000000-0000-4000-8000-000000000001', 'Acme Office Supplies', 420.00, current_date + 14, 'draft', 'b0000000-0000-4000-8000-000000000103'),
  ('d0000000-0000-4000-8000-000000000102', 'a0000000-0000-4000-8000-000000000001', 'CloudHost', 1299.00, current_date + 7, 'approved', 'b0000000-0000-4000-8000-000000000102'),
  ('d0000000-0000-4000-8000-000000000301', 'a0000000-0000-4000-8000-000000000003', 'Print & Co', 250.00, current_date + 30, 'draft', 'b0000000-0000-4000-8000-000000000302'),
  ('d0000000-0000-4000-8000-000000000401', 'a0000000-0000-4000-8000-000000000004', 'Design Studio', 800.00, current_date + 10, 'draft', 'b0000000-0000-4000-8000-000000000403');

insert into example.bank_accounts (id, organization_id, name, account_last4, balance) values
  ('d1000000-0000-4000-8000-000000000101', 'a0000000-0000-4000-8000-000000000001', 'Operating account', '1234', 52000.00),
  ('d1000000-0000-4000-8000-000000000201', 'a0000000-0000-4000-8000-000000000002', 'Поточний рахунок', '5678', 185000.00),
  ('d1000000-0000-4000-8000-000000000301', 'a0000000-0000-4000-8000-000000000003', 'Main checking', '9012', 98000.00);

insert into example.bank_transactions (organization_id, bank_account_id, amount, description) values
  ('a0000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000101', -1299.00, 'CloudHost, bill d…102'),
  ('a0000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000201', 25000.00, 'Оплата за договором №17'),
  ('a0000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000301', -480.00, 'Transfer to savings');

insert into example.invoices (organization_id, customer_name, amount, status) values
  ('a0000000-0000-4000-8000-000000000001', 'Globex', 3400.00, 'open'),
  ('a0000000-0000-4000-8000-000000000002', 'ТОВ «Клієнт»', 12000.00, 'open'),
  ('a0000000-0000-4000-8000-000000000004', 'Initech', 990.00, 'paid');

insert into example.reports (organization_id, title, body) values
  ('a0000000-0000-4000-8000-000000000001', 'Cash flow Q3', '{"in": 120000, "out": 87000}'),
  ('a0000000-0000-4000-8000-000000000002', 'Звіт про години', '{"hours": 412}');

insert into example.contacts (organization_id, name, email) values
  ('a0000000-0000-4000-8000-000000000001', 'Globex Billing', 'billing@globex.example'),
  ('a0000000-0000-4000-8000-000000000002', 'Петро Коваленко', 'petro@example.com'),
  ('a0000000-0000-4000-8000-000000000002', 'ТОВ «Клієнт»', 'office@client.example'),
  ('a0000000-0000-4000-8000-000000000004', 'Initech AP', 'ap@initech.example');

insert into example.projects (id, organization_id, name) values
  ('e0000000-0000-4000-8000-000000000201', 'a0000000-0000-4000-8000-000000000002', 'Справа Коваленко'),
  ('e0000000-0000-4000-8000-000000000202', 'a0000000-0000-4000-8000-000000000002', 'Реєстрація ТОВ «Клієнт»');

insert into example.project_documents (organization_id, project_id, title) values
  ('a0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000201', 'Позовна заява'),
  ('a0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000201', 'Договір про надання послуг'),
  ('a0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000202', 'Статут');

insert into example.budgets (id, organization_id, name, limit_amount) values
  ('e0000000-0000-4000-8000-000000000301', 'a0000000-0000-4000-8000-000000000003', 'Marketing', 15000.00),
  ('e0000000-0000-4000-8000-000000000302', 'a0000000-0000-4000-8000-000000000003', 'Travel', 8000.00);

insert into example.cards (id, organization_id, holder_user_id, last4, spend_limit) values
  ('e1000000-0000-4000-8000-000000000301', 'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000304', '4242', 1000.00),
  ('e1000000-0000-4000-8000-000000000302', 'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000303', '5555', 2500.00);
