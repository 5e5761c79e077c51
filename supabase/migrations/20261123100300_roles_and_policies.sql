-- Permission policies (named sets of at most 100 permissions), roles, and the links between them.
-- A role's permissions are the union of its policies' permissions, unless it has all_permissions.

-- tables

create table rolecall.policies (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  name text not null check (btrim(name) <> '' and length(name) <= 100),
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- target of the composite foreign keys that keep links inside one organization
  unique (id, organization_id)
);
comment on table rolecall.policies is 'Permission policies: reusable named sets of permissions (at most 100). Editing one changes every role and member that has it.';
create unique index policies_name_key on rolecall.policies (organization_id, lower(name));

create table rolecall.policy_permissions (
  policy_id uuid not null,
  organization_id uuid not null,
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  effect rolecall.override_effect not null default 'grant',
  primary key (policy_id, permission_key),
  foreign key (policy_id, organization_id) references rolecall.policies (id, organization_id) on delete cascade
);
comment on table rolecall.policy_permissions is 'The permissions of each policy. At most 100 per policy (enforced by a trigger).';
comment on column rolecall.policy_permissions.effect is 'grant, or deny: a restriction (payments platform: a policy is a "permissions and restrictions set"). A role holds the keys its policies grant minus those any of its policies restrict (and the actions requiring a restricted page); a member''s own checkbox grant still adds a key back, a checkbox deny removes one.';
create index policy_permissions_organization_idx on rolecall.policy_permissions (organization_id);
create index policy_permissions_key_idx on rolecall.policy_permissions (permission_key);

create table rolecall.roles (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  name text not null check (btrim(name) <> '' and length(name) <= 100),
  description text not null default '',
  rank integer not null check (rank between 0 and 1000),
  all_permissions boolean not null default false,
  editable boolean not null default true,
  member_overrides boolean not null default false,
  max_members integer check (max_members > 0),
  is_default boolean not null default false,
  template_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  -- an all-permissions role has no policies to edit and no checkboxes to tick
  check (not all_permissions or (not editable and not member_overrides))
);
comment on table rolecall.roles is 'Roles of an organization. A member holds exactly one.';
comment on column rolecall.roles.rank is 'Authority, higher is more: an actor manages members and assigns roles ranked below its own (at or below for all-permissions roles).';
comment on column rolecall.roles.all_permissions is 'Owner / Admin: every permission in the catalog, now and later. Fixed at creation.';
comment on column rolecall.roles.editable is 'Whether its name and policies may be changed (the Admin role cannot be edited).';
comment on column rolecall.roles.member_overrides is 'Whether members of this role may get per-member permission checkboxes.';
comment on column rolecall.roles.max_members is 'At most this many members (1 for a single Admin); null for no limit.';
comment on column rolecall.roles.is_default is 'Preselected role for new invitations.';
comment on column rolecall.roles.template_key is 'The template role it was seeded from (owner, admin, cardholder, ...), null for custom roles.';
create unique index roles_name_key on rolecall.roles (organization_id, lower(name));
create unique index roles_default_key on rolecall.roles (organization_id) where is_default;

create table rolecall.role_policies (
  role_id uuid not null,
  policy_id uuid not null,
  organization_id uuid not null,
  primary key (role_id, policy_id),
  foreign key (role_id, organization_id) references rolecall.roles (id, organization_id) on delete cascade,
  foreign key (policy_id, organization_id) references rolecall.policies (id, organization_id) on delete cascade
);
comment on table rolecall.role_policies is 'Which policies make up each role. Both sides belong to the same organization (composite foreign keys).';
create index role_policies_policy_idx on rolecall.role_policies (policy_id);
create index role_policies_organization_idx on rolecall.role_policies (organization_id);

-- triggers

create trigger policies_touch_updated_at before update on rolecall.policies
  for each row execute function rolecall_private.touch_updated_at();
create trigger roles_touch_updated_at before update on rolecall.roles
  for each row execute function rolecall_private.touch_updated_at();

create function rolecall_private.enforce_policy_size() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- NOTE: the lock serialises concurrent inserts into the same policy, so two sessions adding the
  -- 100th permission cannot both pass the count.
  perform 1 from rolecall.policies where id = new.policy_id for update;
  if (select count(*) from rolecall.policy_permissions where policy_id = new.policy_id) > 100 then
    raise exception 'A permission policy holds at most 100 permissions'
      using errcode = 'RC302', detail = format('policy %s', new.policy_id);
  end if;
  return null;
end;
$$;
comment on function rolecall_private.enforce_policy_size() is 'Trigger: a policy holds at most 100 permissions (payments-platform rule).';
revoke execute on function rolecall_private.enforce_policy_size() from public;

create trigger policy_permissions_enforce_size after insert or update on rolecall.policy_permissions
  for each row execute function rolecall_private.enforce_policy_size();

create function rolecall_private.freeze_role_kind() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.all_permissions is distinct from old.all_permissions then
    raise exception 'all_permissions is fixed when a role is created'
      using errcode = 'RC109', detail = format('role %s', old.id);
  end if;
  if new.organization_id is distinct from old.organization_id then
    raise exception 'A role cannot move to another organization' using errcode = 'RC305';
  end if;
  return new;
end;
$$;
comment on function rolecall_private.freeze_role_kind() is 'Trigger: a role never gains or loses all_permissions, nor changes organization; this keeps the primary-member invariant checkable on members alone.';
revoke execute on function rolecall_private.freeze_role_kind() from public;

create trigger roles_freeze_kind before update on rolecall.roles
  for each row execute function rolecall_private.freeze_role_kind();

-- RLS (policies follow the access helpers); writes go through RPC functions only.

alter table rolecall.policies enable row level security;
alter table rolecall.policy_permissions enable row level security;
alter table rolecall.roles enable row level security;
alter table rolecall.role_policies enable row level security;

grant select on rolecall.policies, rolecall.policy_permissions, rolecall.roles, rolecall.role_policies to authenticated;
grant all on rolecall.policies, rolecall.policy_permissions, rolecall.roles, rolecall.role_policies to service_role;
