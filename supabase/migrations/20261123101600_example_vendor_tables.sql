-- Example vendor tables: how a product protects its OWN data with Rolecall. Nothing in Rolecall
-- depends on them; they are living documentation (and test fixtures). Copy the pattern:
--
--   reads on big tables   organization_id = any ((select rolecall.permitted_org_ids('bills.view'))::uuid[])
--                         The scalar subquery runs once per statement (an initPlan) and the
--                         `::uuid[]` cast keeps it an array expression — without the cast Postgres
--                         parses `any ((select ...))` as `= any (subquery)` and compares a uuid
--                         with a uuid[] row. The organization_id index stays usable.
--   writes                rolecall.has_permission(organization_id, 'bills.create') in `with check`.
--   single resources      projects / budgets / cards: `<type>s.view_all`, or a grant for that id
--                         (rolecall.granted_resource_ids(type) narrows cheaply, then
--                         rolecall.has_resource_access(org, type, id) confirms the grant belongs to
--                         the row's organization, so a grant in one organization never opens a
--                         row of another).
--   child rows            project_documents follow their project: the policy asks whether the
--                         parent row is visible, and RLS on projects answers.
--   state changes         a permission that is not "edit" (approving a bill) goes through a small
--                         function that checks it, since a row policy cannot tell which column moved:
--                         a SECURITY DEFINER body in example_private (never exposed), called by a
--                         SECURITY INVOKER entry point in example (what the API serves).
-- Deactivated members and requests from outside a member's IP allowlist get nothing from any of
-- these helpers, so every policy below inherits those rules.

-- tables

create schema if not exists example;
create schema if not exists example_private;
comment on schema example_private is 'SECURITY DEFINER implementations of the example''s state changes (approve_bill, pay_bill) behind SECURITY INVOKER entry points in example. Never exposed to the API.';
comment on schema example is 'Sample vendor tables protected by Rolecall (bills, banking, invoices, reports, contacts, projects and documents, budgets, cards). Living documentation of rolecall.has_permission in RLS.';
grant usage on schema example to anon, authenticated, service_role;
grant usage on schema example_private to authenticated, service_role;

create table example.bills (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  vendor_name text not null check (btrim(vendor_name) <> ''),
  amount numeric(14, 2) not null check (amount > 0),
  due_on date,
  status text not null default 'draft' check (status in ('draft', 'approved', 'paid')),
  approved_by uuid references auth.users (id) on delete set null,
  approved_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table example.bills is 'Bills to pay (JustPaid, Profit Bill Pay). View: bills.view; create/edit drafts: bills.create; approve: bills.approve (example.approve_bill); pay: bills.pay (example.pay_bill).';
create index bills_organization_idx on example.bills (organization_id);

create table example.bank_accounts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  name text not null check (btrim(name) <> ''),
  account_last4 text not null check (account_last4 ~ '^[0-9]{4}$'),
  balance numeric(14, 2) not null default 0,
  unique (id, organization_id)
);
comment on table example.bank_accounts is 'Connected bank accounts (JustPaid Manage Bank Accounts, Jusnote Accounts tab, Profit Banking). View: bank_accounts.view; connect/edit/disconnect: bank_accounts.manage.';
create index bank_accounts_organization_idx on example.bank_accounts (organization_id);

create table example.bank_transactions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  bank_account_id uuid not null,
  amount numeric(14, 2) not null check (amount <> 0),
  description text not null default '',
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  foreign key (bank_account_id, organization_id) references example.bank_accounts (id, organization_id) on delete cascade
);
comment on table example.bank_transactions is 'Transactions of bank accounts. View: bank_transactions.view; make one: bank_transactions.create (JustPaid "Bank Transactions").';
create index bank_transactions_organization_idx on example.bank_transactions (organization_id);
create index bank_transactions_account_idx on example.bank_transactions (bank_account_id);

create table example.invoices (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  customer_name text not null check (btrim(customer_name) <> ''),
  amount numeric(14, 2) not null check (amount > 0),
  status text not null default 'open' check (status in ('open', 'paid', 'void')),
  created_at timestamptz not null default now()
);
comment on table example.invoices is 'Invoices (Jusnote Invoices tab, Profit Invoicing & Payments). View: invoices.view; create, edit, delete: invoices.create.';
create index invoices_organization_idx on example.invoices (organization_id);

create table example.reports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  title text not null check (btrim(title) <> ''),
  body jsonb not null default '{}',
  created_at timestamptz not null default now()
);
comment on table example.reports is 'Saved financial reports (JustPaid View Reports and Data, Jusnote Reports tab). View: reports.view; create: reports.create.';
create index reports_organization_idx on example.reports (organization_id);

create table example.contacts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  name text not null check (btrim(name) <> ''),
  email text not null default ''
);
comment on table example.contacts is 'The contact list. View: contacts.view (Jusnote shows contacts to every member: its template puts contacts.view into a policy every role has); edit: contacts.manage.';
create index contacts_organization_idx on example.contacts (organization_id);

create table example.projects (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  name text not null check (btrim(name) <> ''),
  unique (id, organization_id)
);
comment on table example.projects is 'Projects (Jusnote). Visible with projects.view_all or a resource grant for the project (rolecall.set_resource_grants(member, ''project'', ids)); create/edit: projects.manage.';
create index projects_organization_idx on example.projects (organization_id);

create table example.project_documents (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  project_id uuid not null,
  title text not null check (btrim(title) <> ''),
  foreign key (project_id, organization_id) references example.projects (id, organization_id) on delete cascade
);
comment on table example.project_documents is 'Documents of a project: whoever reaches the project reaches all its documents (Jusnote). No permission of their own.';
create index project_documents_project_idx on example.project_documents (project_id);
create index project_documents_organization_idx on example.project_documents (organization_id);

create table example.budgets (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  name text not null check (btrim(name) <> ''),
  limit_amount numeric(14, 2) not null default 0 check (limit_amount >= 0)
);
comment on table example.budgets is 'Budgets (Profit). Visible with budgets.view_all or a grant for the budget (Contributors get specific budgets); create/edit: budgets.manage. Cardholders cannot view budgets.';
create index budgets_organization_idx on example.budgets (organization_id);

create table example.cards (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  holder_user_id uuid references auth.users (id) on delete set null,
  last4 text not null check (last4 ~ '^[0-9]{4}$'),
  spend_limit numeric(14, 2) not null default 0 check (spend_limit >= 0),
  frozen boolean not null default false
);
comment on table example.cards is 'Payment cards (Profit). A cardholder sees only their own card (cards.view_own + holder_user_id); cards.view_all or a card grant sees others; issue/edit: cards.issue.';
create index cards_organization_idx on example.cards (organization_id);
create index cards_holder_idx on example.cards (holder_user_id);

-- The resource types members may be granted one by one (rolecall.set_resource_grants checks each id
-- is a row of the member's organization here). A vendor registers its own tables the same way.
insert into rolecall_private.resource_types (resource_type, table_schema, table_name, description) values
  ('project', 'example', 'projects', 'A project and all its documents (Jusnote).'),
  ('budget', 'example', 'budgets', 'A budget (Profit Contributors).'),
  ('card', 'example', 'cards', 'A payment card (Profit).');

-- enable RLS

alter table example.bills enable row level security;
alter table example.bank_accounts enable row level security;
alter table example.bank_transactions enable row level security;
alter table example.invoices enable row level security;
alter table example.reports enable row level security;
alter table example.contacts enable row level security;
alter table example.projects enable row level security;
alter table example.project_documents enable row level security;
alter table example.budgets enable row level security;
alter table example.cards enable row level security;

-- grants: signed-in users may try anything; the policies decide. Anonymous visitors get nothing.

grant select, insert, update, delete on all tables in schema example to authenticated;
grant all on all tables in schema example to service_role;

-- policies

-- bills
create policy "Bills are visible to members with bills.view"
  on example.bills for select to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('bills.view'))::uuid[]));
create policy "Members with bills.create add draft bills"
  on example.bills for insert to authenticated
  with check (status = 'draft' and approved_by is null and rolecall.has_permission(organization_id, 'bills.create'));
create policy "Members with bills.create edit draft bills, which stay drafts"
  on example.bills for update to authenticated
  using (status = 'draft' and organization_id = any ((select rolecall.permitted_org_ids('bills.create'))::uuid[]))
  with check (status = 'draft' and approved_by is null and rolecall.has_permission(organization_id, 'bills.create'));
create policy "Members with bills.create delete draft bills"
  on example.bills for delete to authenticated
  using (status = 'draft' and organization_id = any ((select rolecall.permitted_org_ids('bills.create'))::uuid[]));
comment on policy "Members with bills.create edit draft bills, which stay drafts" on example.bills is 'Editing never approves: status must stay draft, so approving needs example.approve_bill (bills.approve).';

-- bank accounts
create policy "Bank accounts are visible to members with bank_accounts.view"
  on example.bank_accounts for select to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('bank_accounts.view'))::uuid[]));
create policy "Members with bank_accounts.manage connect bank accounts"
  on example.bank_accounts for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'bank_accounts.manage'));
create policy "Members with bank_accounts.manage edit bank accounts"
  on example.bank_accounts for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('bank_accounts.manage'))::uuid[]))
  with check (rolecall.has_permission(organization_id, 'bank_accounts.manage'));
create policy "Members with bank_accounts.manage disconnect bank accounts"
  on example.bank_accounts for delete to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('bank_accounts.manage'))::uuid[]));

-- bank transactions
create policy "Bank transactions are visible to members with bank_transactions.view"
  on example.bank_transactions for select to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('bank_transactions.view'))::uuid[]));
create policy "Members with bank_transactions.create make bank transactions"
  on example.bank_transactions for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'bank_transactions.create'));

-- invoices
create policy "Invoices are visible to members with invoices.view"
  on example.invoices for select to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('invoices.view'))::uuid[]));
create policy "Members with invoices.create add invoices"
  on example.invoices for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'invoices.create'));
create policy "Members with invoices.create edit invoices"
  on example.invoices for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('invoices.create'))::uuid[]))
  with check (rolecall.has_permission(organization_id, 'invoices.create'));
create policy "Members with invoices.create delete invoices"
  on example.invoices for delete to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('invoices.create'))::uuid[]));

-- reports
create policy "Reports are visible to members with reports.view"
  on example.reports for select to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('reports.view'))::uuid[]));
create policy "Members with reports.create save reports"
  on example.reports for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'reports.create'));

-- contacts
create policy "Contacts are visible to members with contacts.view"
  on example.contacts for select to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('contacts.view'))::uuid[]));
create policy "Members with contacts.manage add contacts"
  on example.contacts for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'contacts.manage'));
create policy "Members with contacts.manage edit contacts"
  on example.contacts for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('contacts.manage'))::uuid[]))
  with check (rolecall.has_permission(organization_id, 'contacts.manage'));
create policy "Members with contacts.manage delete contacts"
  on example.contacts for delete to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('contacts.manage'))::uuid[]));

-- projects and their documents
create policy "Projects are visible with projects.view_all or a grant for the project"
  on example.projects for select to authenticated
  using (
    organization_id = any ((select rolecall.permitted_org_ids('projects.view_all'))::uuid[])
    or (id::text = any ((select rolecall.granted_resource_ids('project'))::text[])
        and rolecall.has_resource_access(organization_id, 'project', id::text))
  );
comment on policy "Projects are visible with projects.view_all or a grant for the project" on example.projects is 'The granted-ids array (once per statement) narrows to candidate rows; has_resource_access then runs only for those and checks the grant is in the row''s organization.';
create policy "Members with projects.manage create projects"
  on example.projects for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'projects.manage'));
create policy "Members with projects.manage edit the projects they reach"
  on example.projects for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('projects.manage'))::uuid[])
         and rolecall.has_resource_access(organization_id, 'project', id::text))
  with check (rolecall.has_permission(organization_id, 'projects.manage'));

create policy "Project documents are visible to whoever sees their project"
  on example.project_documents for select to authenticated
  using (exists (select 1 from example.projects p where p.id = project_id));
comment on policy "Project documents are visible to whoever sees their project" on example.project_documents is 'Child rows follow their parent: the subquery runs under the projects policy, so access to a project is access to all its documents (Jusnote).';
create policy "Members with projects.manage add documents to projects they reach"
  on example.project_documents for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'projects.manage')
              and exists (select 1 from example.projects p where p.id = project_id));
create policy "Members with projects.manage edit documents of projects they reach"
  on example.project_documents for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('projects.manage'))::uuid[])
         and exists (select 1 from example.projects p where p.id = project_id))
  with check (rolecall.has_permission(organization_id, 'projects.manage')
              and exists (select 1 from example.projects p where p.id = project_id));
create policy "Members with projects.manage delete documents of projects they reach"
  on example.project_documents for delete to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('projects.manage'))::uuid[])
         and exists (select 1 from example.projects p where p.id = project_id));

-- budgets
create policy "Budgets are visible with budgets.view_all or a grant for the budget"
  on example.budgets for select to authenticated
  using (
    organization_id = any ((select rolecall.permitted_org_ids('budgets.view_all'))::uuid[])
    or (id::text = any ((select rolecall.granted_resource_ids('budget'))::text[])
        and rolecall.has_resource_access(organization_id, 'budget', id::text))
  );
create policy "Members with budgets.manage create budgets"
  on example.budgets for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'budgets.manage'));
create policy "Members with budgets.manage edit budgets"
  on example.budgets for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('budgets.manage'))::uuid[]))
  with check (rolecall.has_permission(organization_id, 'budgets.manage'));

-- cards
create policy "Cards are visible to their holder, to cards.view_all and to a card grant"
  on example.cards for select to authenticated
  using (
    organization_id = any ((select rolecall.permitted_org_ids('cards.view_all'))::uuid[])
    or (holder_user_id = (select auth.uid())
        and organization_id = any ((select rolecall.permitted_org_ids('cards.view_own'))::uuid[]))
    or (id::text = any ((select rolecall.granted_resource_ids('card'))::text[])
        and rolecall.has_resource_access(organization_id, 'card', id::text))
  );
comment on policy "Cards are visible to their holder, to cards.view_all and to a card grant" on example.cards is 'Profit: a Cardholder (cards.view_own) sees only the card it holds; a deactivated holder sees none.';
create policy "Members with cards.issue issue cards"
  on example.cards for insert to authenticated
  with check (rolecall.has_permission(organization_id, 'cards.issue'));
create policy "Members with cards.issue change cards"
  on example.cards for update to authenticated
  using (organization_id = any ((select rolecall.permitted_org_ids('cards.issue'))::uuid[]))
  with check (rolecall.has_permission(organization_id, 'cards.issue'));

-- functions
--
-- Approving is not editing: a member with bills.approve but not bills.create moves a bill from draft
-- to approved and touches nothing else. An UPDATE policy sees the old and new row, not which columns
-- the statement set, so such a policy would let an approver change the amount too (and a second
-- permissive UPDATE policy on bills is what the Performance Advisor flags, lint 0006). So the body
-- checks the permission and the state and writes exactly the columns approving changes, with the
-- owner's rights, in example_private; the API serves only the SECURITY INVOKER entry point in
-- example (the Security Advisor, lints 0028 / 0029, flags definer functions in an exposed schema).
-- Both carry the same grants: the entry point calls as the caller, who needs EXECUTE on both.

create function example_private.approve_bill(p_bill uuid) returns example.bills
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_bill example.bills;
begin
  select * into v_bill from example.bills b where b.id = p_bill for update;
  -- NOTE: an unknown bill and a bill of an organization where the caller lacks the permission look
  -- the same, so the function reveals nothing about other organizations.
  if v_bill.id is null or not rolecall.has_permission(v_bill.organization_id, 'bills.approve') then
    raise exception 'You need the permission "bills.approve" for this bill' using errcode = 'RC103', detail = 'bills.approve';
  end if;
  if v_bill.status <> 'draft' then
    raise exception 'Only a draft bill can be approved' using errcode = 'RC308', detail = v_bill.status;
  end if;
  update example.bills b set status = 'approved', approved_by = auth.uid(), approved_at = now()
   where b.id = p_bill returning * into v_bill;
  return v_bill;
end;
$$;
comment on function example_private.approve_bill(uuid) is 'Approves a draft bill. Needs bills.approve in the bill''s organization (RC103); the row policies alone cannot express "may change status to approved".';
revoke execute on function example_private.approve_bill(uuid) from public;
grant execute on function example_private.approve_bill(uuid) to authenticated, service_role;

create function example_private.pay_bill(p_bill uuid) returns example.bills
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_bill example.bills;
begin
  select * into v_bill from example.bills b where b.id = p_bill for update;
  if v_bill.id is null or not rolecall.has_permission(v_bill.organization_id, 'bills.pay') then
    raise exception 'You need the permission "bills.pay" for this bill' using errcode = 'RC103', detail = 'bills.pay';
  end if;
  if v_bill.status <> 'approved' then
    raise exception 'Only an approved bill can be paid' using errcode = 'RC308', detail = v_bill.status;
  end if;
  update example.bills b set status = 'paid' where b.id = p_bill returning * into v_bill;
  return v_bill;
end;
$$;
comment on function example_private.pay_bill(uuid) is 'Pays an approved bill. Needs bills.pay in the bill''s organization (RC103).';
revoke execute on function example_private.pay_bill(uuid) from public;
grant execute on function example_private.pay_bill(uuid) to authenticated, service_role;

create function example.approve_bill(p_bill uuid) returns example.bills
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  return example_private.approve_bill(p_bill);
end;
$$;
comment on function example.approve_bill(uuid) is 'Approves a draft bill. Needs bills.approve in the bill''s organization (RC103); the row policies alone cannot express "may change status to approved".';
revoke execute on function example.approve_bill(uuid) from public;
grant execute on function example.approve_bill(uuid) to authenticated, service_role;

create function example.pay_bill(p_bill uuid) returns example.bills
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  return example_private.pay_bill(p_bill);
end;
$$;
comment on function example.pay_bill(uuid) is 'Pays an approved bill. Needs bills.pay in the bill''s organization (RC103).';
revoke execute on function example.pay_bill(uuid) from public;
grant execute on function example.pay_bill(uuid) to authenticated, service_role;
