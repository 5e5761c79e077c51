-- The permission catalog: every permission a product can check, grouped in sections, labelled in
-- English and Ukrainian. One catalog per deployment (the vendor supplies its own rows); Rolecall
-- ships a finance catalog in the next migration.
--
-- Each key also names its resource (the part before the dot) and the page it lives on, so a policy
-- editor can offer the payments platform's two tabs, "Permissions by resource" and "Permission by
-- page", from the same rows.
--
-- Implied permissions (permission_requires): an action brings the page it needs. The docs describe
-- boxes such as "Manage Bank Accounts: connect or disconnect bank accounts", which is meaningless
-- without seeing the accounts, so whoever holds bank_accounts.manage also holds bank_accounts.view.
-- The rule that applies it is rolecall_private.role_member_holds (access helpers); the transitive
-- closure is computed here at write time (rolecall_private.permission_closure, refreshed by a
-- statement trigger), so a has_permission call reads one small index instead of walking a graph.

-- tables

create table rolecall.permission_sections (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
  label_en text not null check (btrim(label_en) <> ''),
  label_uk text not null check (btrim(label_uk) <> ''),
  position integer not null default 0
);
comment on table rolecall.permission_sections is 'Groups of permissions shown as expandable sections (Bill Pay, Banking, Team, ...).';
comment on column rolecall.permission_sections.position is 'Display order, ascending.';

create table rolecall.permissions (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  section text not null references rolecall.permission_sections (key) on update cascade,
  kind rolecall.permission_kind not null default 'action',
  label_en text not null check (btrim(label_en) <> ''),
  label_uk text not null check (btrim(label_uk) <> ''),
  description_en text not null default '',
  description_uk text not null default '',
  position integer not null default 0,
  resource text generated always as (split_part(key, '.', 1)) stored,
  page text references rolecall.permissions (key) on update cascade on delete set null
);
comment on table rolecall.permissions is 'The permission catalog. Keys look like <area>.<verb> (bills.approve); rolecall.has_permission(org, key) checks them.';
comment on column rolecall.permissions.kind is 'action or page (a page permission unlocks a section of the product UI).';
comment on column rolecall.permissions.label_en is 'Labels and descriptions in English and Ukrainian, shown by the widget and the extension.';

comment on column rolecall.permissions.resource is 'The resource the key acts on (bills, bank_accounts, ...): the "Permissions by resource" tab of a policy editor groups by it.';
comment on column rolecall.permissions.page is 'The page-kind key that opens the page this key lives on (itself for a page): the "Permission by page" tab groups by it. Null when the key has no page.';

create index permissions_section_idx on rolecall.permissions (section);
create index permissions_page_idx on rolecall.permissions (page);

create table rolecall.permission_requires (
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  requires_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  primary key (permission_key, requires_key),
  check (permission_key <> requires_key)
);
comment on table rolecall.permission_requires is 'Implied permissions: holding permission_key brings requires_key (an action brings the page it needs: bank_accounts.manage -> bank_accounts.view). An explicit deny of requires_key removes permission_key too. Direct edges; cycles are refused (RC308).';
create index permission_requires_requires_idx on rolecall.permission_requires (requires_key);

create table rolecall_private.permission_closure (
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  requires_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  primary key (permission_key, requires_key)
);
comment on table rolecall_private.permission_closure is 'The transitive closure of rolecall.permission_requires, kept by a trigger: every key a permission brings, however indirectly. role_member_holds reads it in both directions.';
create index permission_closure_requires_idx on rolecall_private.permission_closure (requires_key, permission_key);

-- triggers

create function rolecall_private.refresh_permission_closure() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from rolecall_private.permission_closure;
  insert into rolecall_private.permission_closure (permission_key, requires_key)
  with recursive walk (permission_key, requires_key, depth) as (
    select r.permission_key, r.requires_key, 1 from rolecall.permission_requires r
    union
    select w.permission_key, r.requires_key, w.depth + 1
      from walk w join rolecall.permission_requires r on r.permission_key = w.requires_key
     where w.depth < 32
  )
  select distinct w.permission_key, w.requires_key from walk w;
  if exists (select 1 from rolecall_private.permission_closure c where c.permission_key = c.requires_key) then
    raise exception 'Implied permissions cannot form a cycle' using errcode = 'RC308',
      detail = (select string_agg(c.permission_key, ', ') from rolecall_private.permission_closure c where c.permission_key = c.requires_key);
  end if;
  -- roles resolve implications at write time (rolecall_private.role_permissions, 20261123100760)
  if to_regclass('rolecall_private.role_permissions') is not null then
    perform rolecall_private.refresh_role_permissions(r.id) from rolecall.roles r;
  end if;
  return null;
end;
$$;
comment on function rolecall_private.refresh_permission_closure() is 'Trigger: recomputes rolecall_private.permission_closure after any change to rolecall.permission_requires (a cycle is refused, RC308), then every role''s resolved permissions.';
revoke execute on function rolecall_private.refresh_permission_closure() from public;

create trigger permission_requires_refresh_closure after insert or update or delete or truncate on rolecall.permission_requires
  for each statement execute function rolecall_private.refresh_permission_closure();

-- RLS: the catalog is public knowledge for signed-in users, written only by operators.

alter table rolecall.permission_sections enable row level security;
alter table rolecall.permissions enable row level security;
alter table rolecall.permission_requires enable row level security;
alter table rolecall_private.permission_closure enable row level security;

grant select on rolecall.permission_sections, rolecall.permissions, rolecall.permission_requires to authenticated;
grant all on rolecall.permission_sections, rolecall.permissions, rolecall.permission_requires to service_role;
grant all on rolecall_private.permission_closure to service_role;

create policy "Permission sections are visible to signed-in users"
  on rolecall.permission_sections for select to authenticated using (true);
create policy "Permissions are visible to signed-in users"
  on rolecall.permissions for select to authenticated using (true);
create policy "Implied permissions are visible to signed-in users"
  on rolecall.permission_requires for select to authenticated using (true);
-- NOTE: the service role bypasses RLS anyway; the policy states who the closure is for.
create policy "Operators read the implied-permission closure"
  on rolecall_private.permission_closure for all to service_role using (true) with check (true);
