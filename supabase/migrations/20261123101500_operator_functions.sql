-- Operator functions, for support staff in the Supabase SQL editor (postgres) or a back-office
-- script with the service role key. Never callable by signed-in users or anonymous visitors: these
-- step around the team rules on purpose (Profit: "changing or adding owners only through support":
-- ops_transfer_ownership changes the owner, ops_add_owner adds one).
-- They still meet the primary-member invariant (checked at commit) and leave audit events, with
-- actor_id null and actor_role service_role / postgres.

-- tables

create view rolecall.members_permissions_report as
  select o.id as organization_id,
         o.name as organization_name,
         m.id as member_id,
         m.user_id,
         m.email,
         m.display_name,
         r.name as role_name,
         r.all_permissions,
         m.status,
         m.is_primary,
         m.ip_allowlist,
         case when m.status = 'active'
              then array(select p.key from rolecall.permissions p
                          where rolecall_private.role_member_holds(m.id, m.role_id, p.key) order by p.key)
              else '{}'::text[] end as permission_keys
    from rolecall.members m
    join rolecall.organizations o on o.id = m.organization_id
    join rolecall.roles r on r.id = m.role_id;
comment on view rolecall.members_permissions_report is 'Operators only: every member of every organization with role, status, primary flag, allowlist and effective permission keys (the IP allowlist is listed, not applied; deactivated members hold none). Runs with its owner''s rights on purpose, so it is granted to service_role alone.';
comment on column rolecall.members_permissions_report.permission_keys is 'Effective permissions by rolecall_private.role_member_holds, the same rule has_permission applies.';

-- grants

revoke all on rolecall.members_permissions_report from public, anon, authenticated;
grant select on rolecall.members_permissions_report to service_role;

-- functions

create function rolecall_private.lock_organization(p_org uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- same lock, same order as rolecall_private.actor(): operators serialise with team changes
  perform 1 from rolecall.organizations o where o.id = p_org for update;
  if not found then
    raise exception 'Organization not found' using errcode = 'RC306', detail = format('organization %s', p_org);
  end if;
end;
$$;
comment on function rolecall_private.lock_organization(uuid) is 'Locks the organization row for an operator change (RC306 if unknown).';
revoke execute on function rolecall_private.lock_organization(uuid) from public;

create function rolecall.ops_transfer_ownership(p_org uuid, p_user uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_old rolecall.members;
  v_role rolecall.roles;
  v_target rolecall.members;
begin
  perform rolecall_private.lock_organization(p_org);
  if not exists (select 1 from auth.users u where u.id = p_user) then
    raise exception 'User not found' using errcode = 'RC306', detail = format('user %s', p_user);
  end if;
  select * into v_old from rolecall.members m where m.organization_id = p_org and m.is_primary;
  v_role := rolecall_private.role_in(p_org, v_old.role_id);
  select * into v_target from rolecall.members m where m.organization_id = p_org and m.user_id = p_user;
  if v_target.id = v_old.id then
    return v_old;
  end if;
  perform rolecall_private.audit_as('ops.transfer_ownership');
  update rolecall.members m set is_primary = false where m.id = v_old.id;
  -- a full owner / Admin role (max_members) makes room by moving the old primary one role down
  if v_role.max_members is not null
     and v_target.role_id is distinct from v_role.id
     and (select count(*) from rolecall.members m where m.role_id = v_role.id) >= v_role.max_members then
    perform rolecall_private.move_to_role(v_old.id, rolecall_private.role_below(v_role));
  end if;
  if v_target.id is null then
    insert into rolecall.members (organization_id, user_id, role_id, is_primary)
    values (p_org, p_user, v_role.id, true)
    returning * into v_target;
  else
    update rolecall.members m set status = 'active', deactivated_at = null
     where m.id = v_target.id and m.status <> 'active';
    perform rolecall_private.move_to_role(v_target.id, v_role);
    update rolecall.members m set is_primary = true where m.id = v_target.id;
  end if;
  return (select m from rolecall.members m where m.id = v_target.id);
end;
$$;
comment on function rolecall.ops_transfer_ownership(uuid, uuid) is 'Operators only: makes the user (added as a member if needed, reactivated if deactivated) the primary member in the current primary''s all-permissions role. The old primary keeps its role, or drops one role down if that role is full.';
revoke execute on function rolecall.ops_transfer_ownership(uuid, uuid) from public, anon, authenticated;
grant execute on function rolecall.ops_transfer_ownership(uuid, uuid) to service_role;

create function rolecall.ops_add_owner(p_org uuid, p_user uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_role rolecall.roles;
  v_target rolecall.members;
  v_count integer;
begin
  -- Profit: "contact support if you need to change this or add multiple owners". The Owner role is
  -- not editable and holds at most max_members members; support adds an owner by raising that
  -- limit for this organization only, so the role row's audit event records the decision.
  perform rolecall_private.lock_organization(p_org);
  if not exists (select 1 from auth.users u where u.id = p_user) then
    raise exception 'User not found' using errcode = 'RC306', detail = format('user %s', p_user);
  end if;
  select r.* into v_role from rolecall.members m join rolecall.roles r on r.id = m.role_id
   where m.organization_id = p_org and m.is_primary;
  select * into v_target from rolecall.members m where m.organization_id = p_org and m.user_id = p_user;
  if v_target.role_id = v_role.id and v_target.status = 'active' then
    return v_target;
  end if;
  perform rolecall_private.audit_as('ops.add_owner');
  select count(*) into v_count from rolecall.members m where m.role_id = v_role.id and m.id is distinct from v_target.id;
  if v_role.max_members is not null and v_count >= v_role.max_members then
    update rolecall.roles r set max_members = v_count + 1 where r.id = v_role.id;
  end if;
  if v_target.id is null then
    insert into rolecall.members (organization_id, user_id, role_id)
    values (p_org, p_user, v_role.id)
    returning * into v_target;
  else
    update rolecall.members m set status = 'active', deactivated_at = null
     where m.id = v_target.id and m.status <> 'active';
    perform rolecall_private.move_to_role(v_target.id, v_role);
  end if;
  return (select m from rolecall.members m where m.id = v_target.id);
end;
$$;
comment on function rolecall.ops_add_owner(uuid, uuid) is 'Operators only (Profit: "contact support if you need to change this or add multiple owners"): puts the user (added as a member if needed, reactivated if deactivated) into the primary''s all-permissions role beside the primary, raising that role''s max_members in this organization when it is full. Audited as ops.add_owner.';
revoke execute on function rolecall.ops_add_owner(uuid, uuid) from public, anon, authenticated;
grant execute on function rolecall.ops_add_owner(uuid, uuid) to service_role;

create function rolecall.ops_service_contact(p_org uuid) returns table (member_id uuid, email text, display_name text, language text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  -- Jusnote: the Адміністратор designated by the subscriber is «основного адміністративного контакту
  -- для вирішення будь-яких питань, пов’язаних з відключеннями від Сервісу»: the primary member.
  return query
    select m.id, m.email, m.display_name, o.language
      from rolecall.members m join rolecall.organizations o on o.id = m.organization_id
     where m.organization_id = p_org and m.is_primary;
end;
$$;
comment on function rolecall.ops_service_contact(uuid) is 'Operators only: who support contacts about the service (outages, the subscription): the primary member (Jusnote: the administrator designated by the subscriber), with the organization''s language. Unlike notification emails, this ignores the member''s own notification setting.';
revoke execute on function rolecall.ops_service_contact(uuid) from public, anon, authenticated;
grant execute on function rolecall.ops_service_contact(uuid) to service_role;

create function rolecall.ops_reactivate_member(p_member uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_member rolecall.members;
begin
  perform rolecall_private.lock_organization(v_org);
  perform rolecall_private.audit_as('ops.reactivate_member');
  update rolecall.members m set status = 'active', deactivated_at = null
   where m.id = p_member and m.status <> 'active';
  select * into v_member from rolecall.members m where m.id = p_member;
  return v_member;
end;
$$;
comment on function rolecall.ops_reactivate_member(uuid) is 'Operators only: reactivates any member (for instance one nobody in the organization may manage any more).';
revoke execute on function rolecall.ops_reactivate_member(uuid) from public, anon, authenticated;
grant execute on function rolecall.ops_reactivate_member(uuid) to service_role;

create function rolecall.ops_expire_invitations() returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  perform rolecall_private.audit_as('ops.expire_invitations');
  update rolecall.invitations i set status = 'expired'
   where i.status = 'pending' and i.expires_at <= now();
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function rolecall.ops_expire_invitations() is 'Operators only (or a pg_cron job): marks pending invitations past their expiry as expired; returns how many. Links expire on their own anyway; this keeps lists and the one-pending-per-email index tidy.';
revoke execute on function rolecall.ops_expire_invitations() from public, anon, authenticated;
grant execute on function rolecall.ops_expire_invitations() to service_role;
