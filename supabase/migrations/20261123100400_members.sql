-- Members (a user in an organization, with one role), their per-member permission checkboxes
-- (overrides) and their access to single resources (a project, a budget, a card).
-- Resource types are the vendor's: Rolecall cannot know which table holds a "project", so each type
-- is registered in rolecall_private.resource_types (the table, its id and organization columns).
-- set_resource_grants grants only ids of registered types that are rows of the member's own
-- organization (rolecall_private.resource_ids_in), so a grant never names another tenant's row.

-- tables

create table rolecall.members (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role_id uuid not null,
  status rolecall.member_status not null default 'active',
  is_primary boolean not null default false,
  ip_allowlist cidr[] not null default '{}',
  email text not null default '',
  display_name text not null default '',
  notifications boolean not null default true,
  deactivated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, user_id),
  unique (id, organization_id),
  foreign key (role_id, organization_id) references rolecall.roles (id, organization_id),
  check (cardinality(ip_allowlist) <= 100),
  check ((status = 'deactivated') = (deactivated_at is not null))
);
comment on table rolecall.members is 'A user in an organization: one role, a status, optional IP allowlist. Exactly one member per organization is primary.';
comment on column rolecall.members.is_primary is 'The protected first admin / owner / subscriber-designated admin: exactly one per organization, always active, always in an all-permissions role; only they (by transfer) or an operator change it.';
comment on column rolecall.members.ip_allowlist is 'Addresses and ranges this member may act from; empty means anywhere. Outside it the member holds no permission.';
comment on column rolecall.members.email is 'Copy of auth.users.email, kept in sync by a trigger, so admins can list members without reading auth.users.';
comment on column rolecall.members.notifications is 'Whether this member (if an admin) receives notification emails.';
create unique index members_one_primary on rolecall.members (organization_id) where is_primary;
create index members_user_idx on rolecall.members (user_id);
create index members_role_idx on rolecall.members (role_id);

create table rolecall.member_overrides (
  member_id uuid not null,
  organization_id uuid not null,
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  effect rolecall.override_effect not null,
  created_at timestamptz not null default now(),
  primary key (member_id, permission_key),
  foreign key (member_id, organization_id) references rolecall.members (id, organization_id) on delete cascade
);
comment on table rolecall.member_overrides is 'Per-member permission checkboxes: grant adds a permission the role lacks, deny removes one it gives. Only for roles with member_overrides.';
create index member_overrides_organization_idx on rolecall.member_overrides (organization_id);

create table rolecall.resource_grants (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null,
  organization_id uuid not null,
  resource_type text not null check (resource_type ~ '^[a-z][a-z0-9_]*$'),
  resource_id text not null check (btrim(resource_id) <> ''),
  granted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (member_id, resource_type, resource_id),
  foreign key (member_id, organization_id) references rolecall.members (id, organization_id) on delete cascade
);
comment on table rolecall.resource_grants is 'Access to one resource (a project, a budget, a card): rolecall.has_resource_access(org, type, id) checks it; child rows (documents of a project) follow their parent.';
create index resource_grants_lookup_idx on rolecall.resource_grants (organization_id, resource_type, resource_id);

create table rolecall_private.resource_types (
  resource_type text primary key check (resource_type ~ '^[a-z][a-z0-9_]*$'),
  table_schema name not null,
  table_name name not null,
  id_column name not null default 'id',
  organization_column name not null default 'organization_id',
  description text not null default ''
);
comment on table rolecall_private.resource_types is 'The vendor''s resource types that members may be granted one by one (rolecall.set_resource_grants): which table holds them, its id column and its organization column. Register a type with an insert (a migration of the vendor''s); a grant names only a row of that table in the member''s organization (RC305 another organization''s, RC306 none).';
comment on column rolecall_private.resource_types.id_column is 'The column resource ids refer to (compared in its own type, so its index serves the check); grants store its text form.';

-- triggers

create trigger members_touch_updated_at before update on rolecall.members
  for each row execute function rolecall_private.touch_updated_at();

create function rolecall_private.fill_member_identity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select coalesce(u.email, ''), coalesce(u.raw_user_meta_data ->> 'full_name', u.raw_user_meta_data ->> 'name', '')
    into new.email, new.display_name
    from auth.users u where u.id = new.user_id;
  return new;
end;
$$;
comment on function rolecall_private.fill_member_identity() is 'Trigger: copies the user''s email and name into a new member row.';
revoke execute on function rolecall_private.fill_member_identity() from public;

create trigger members_fill_identity before insert on rolecall.members
  for each row execute function rolecall_private.fill_member_identity();

create function rolecall_private.sync_member_identity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update rolecall.members m
     set email = coalesce(new.email, ''),
         display_name = coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', '')
   where m.user_id = new.id;
  return null;
end;
$$;
comment on function rolecall_private.sync_member_identity() is 'Trigger on auth.users: keeps members.email and display_name in step with the user.';
revoke execute on function rolecall_private.sync_member_identity() from public;

create trigger rolecall_sync_member_identity after update of email, raw_user_meta_data on auth.users
  for each row execute function rolecall_private.sync_member_identity();

create function rolecall_private.enforce_role_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_max integer;
  v_name text;
begin
  -- NOTE: locking the role row serialises concurrent joins, so max_members holds under races.
  select r.max_members, r.name into v_max, v_name from rolecall.roles r where r.id = new.role_id for update;
  if v_max is not null
     and (select count(*) from rolecall.members m where m.role_id = new.role_id and m.id <> new.id) >= v_max then
    raise exception 'Role "%" already has its maximum of % member(s)', v_name, v_max
      using errcode = 'RC203', detail = format('role %s', new.role_id);
  end if;
  return new;
end;
$$;
comment on function rolecall_private.enforce_role_capacity() is 'Trigger: a role never holds more than max_members members (one Admin in single-admin mode).';
revoke execute on function rolecall_private.enforce_role_capacity() from public;

create trigger members_enforce_role_capacity before insert or update of role_id on rolecall.members
  for each row execute function rolecall_private.enforce_role_capacity();

-- RLS (policies follow the access helpers); writes go through RPC functions only.

alter table rolecall.members enable row level security;
alter table rolecall.member_overrides enable row level security;
alter table rolecall.resource_grants enable row level security;
alter table rolecall_private.resource_types enable row level security;

grant select on rolecall.members, rolecall.member_overrides, rolecall.resource_grants to authenticated;
grant all on rolecall.members, rolecall.member_overrides, rolecall.resource_grants to service_role;
grant all on rolecall_private.resource_types to service_role;

-- policies (the member tables' read policies follow the access helpers)

-- NOTE: the service role bypasses RLS anyway; the policy states who the registry is for.
create policy "Operators manage the resource type registry"
  on rolecall_private.resource_types for all to service_role using (true) with check (true);
