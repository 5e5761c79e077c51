-- What each role holds through its policies, resolved at write time: the keys its policies grant
-- and no policy of it restricts (policy_permissions.effect), the keys they imply (rolecall_private.permission_closure: an action brings the page it needs) and the
-- organization's always-on keys (Jusnote: "Список контактів є видимим незалежно від рівня типу
-- дозволу"). rolecall_private.role_member_holds reads one row of it instead of joining policies,
-- implications and checkboxes on every call: has_permission is called per statement by every RLS
-- policy, and resolving implications at read time cost about 50 % more per call (bench/db.ts).
-- The table is derived data, kept by triggers on every table it is derived from, so no write path
-- (RPC, SQL editor, template copy) can leave it stale. Member checkboxes are not in it: they are
-- per member and role_member_holds applies them on top.

-- tables

create table rolecall_private.role_permissions (
  role_id uuid not null references rolecall.roles (id) on delete cascade,
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  always_on boolean not null default false,
  primary key (role_id, permission_key)
);
comment on table rolecall_private.role_permissions is 'Derived: every key a role holds through its policies (granted, not restricted), directly or implied, plus its organization''s always-on keys (always_on). Kept by triggers; read by role_member_holds.';
comment on column rolecall_private.role_permissions.always_on is 'The key is always on in the organization: held whatever the member''s checkboxes say.';
create index role_permissions_key_idx on rolecall_private.role_permissions (permission_key);

-- functions and triggers

create function rolecall_private.refresh_role_permissions(p_role uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  delete from rolecall_private.role_permissions rk where rk.role_id = p_role;
  insert into rolecall_private.role_permissions (role_id, permission_key, always_on)
  with keys as (
    select pp.permission_key as key, pp.effect
      from rolecall.role_policies rp
      join rolecall.policy_permissions pp on pp.policy_id = rp.policy_id
     where rp.role_id = p_role
  ),
  -- granted by a policy and not restricted by any policy of the role, itself or through a page it requires
  direct as (
    select g.key from keys g
     where g.effect = 'grant'
       and not exists (
         select 1 from keys d
          where d.effect = 'deny'
            and (d.key = g.key
                 or d.key in (select c.requires_key from rolecall_private.permission_closure c where c.permission_key = g.key)))
  )
  select p_role, k.key, bool_or(k.always_on)
    from (
      select d.key, false as always_on from direct d
      union all
      select c.requires_key, false
        from direct d join rolecall_private.permission_closure c on c.permission_key = d.key
      union all
      select cp.permission_key, true
        from rolecall.roles r
        join rolecall.checkboxes cb on cb.organization_id = r.organization_id and cb.always_on
        join rolecall.checkbox_permissions cp on cp.organization_id = cb.organization_id and cp.checkbox_key = cb.key
       where r.id = p_role
    ) k
   group by k.key;
end;
$$;
comment on function rolecall_private.refresh_role_permissions(uuid) is 'Recomputes rolecall_private.role_permissions for one role.';
revoke execute on function rolecall_private.refresh_role_permissions(uuid) from public;

create function rolecall_private.role_permissions_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(coalesce(new, old));
  v_old jsonb := to_jsonb(old);
begin
  -- NOTE: fields are read through jsonb, so one function serves tables with different columns.
  if tg_table_name = 'roles' then
    perform rolecall_private.refresh_role_permissions((v_row ->> 'id')::uuid);
  elsif tg_table_name = 'role_policies' then
    perform rolecall_private.refresh_role_permissions(r.id) from rolecall.roles r
     where r.id in ((v_row ->> 'role_id')::uuid, (v_old ->> 'role_id')::uuid);
  elsif tg_table_name = 'policy_permissions' then
    perform rolecall_private.refresh_role_permissions(rp.role_id) from rolecall.role_policies rp
     where rp.policy_id in ((v_row ->> 'policy_id')::uuid, (v_old ->> 'policy_id')::uuid);
  else
    perform rolecall_private.refresh_role_permissions(r.id) from rolecall.roles r
     where r.organization_id in ((v_row ->> 'organization_id')::uuid, (v_old ->> 'organization_id')::uuid);
  end if;
  return null;
end;
$$;
comment on function rolecall_private.role_permissions_changed() is 'Trigger: refreshes rolecall_private.role_permissions for the roles a changed row concerns (a new role; a role''s policies; a policy''s keys; an organization''s checkboxes).';
revoke execute on function rolecall_private.role_permissions_changed() from public;

create trigger roles_refresh_permissions after insert on rolecall.roles
  for each row execute function rolecall_private.role_permissions_changed();
create trigger role_policies_refresh_permissions after insert or update or delete on rolecall.role_policies
  for each row execute function rolecall_private.role_permissions_changed();
create trigger policy_permissions_refresh_permissions after insert or update or delete on rolecall.policy_permissions
  for each row execute function rolecall_private.role_permissions_changed();
create trigger checkboxes_refresh_permissions after update or delete on rolecall.checkboxes
  for each row execute function rolecall_private.role_permissions_changed();
create trigger checkbox_permissions_refresh_permissions after insert or update or delete on rolecall.checkbox_permissions
  for each row execute function rolecall_private.role_permissions_changed();

-- RLS: nobody but the definer helpers and operators.

alter table rolecall_private.role_permissions enable row level security;
grant all on rolecall_private.role_permissions to service_role;

-- NOTE: the service role bypasses RLS anyway; the policy states who the table is for.
create policy "Operators read the resolved role permissions"
  on rolecall_private.role_permissions for all to service_role using (true) with check (true);
