-- The checks every write RPC starts with, so each rule of the design (invariants 3 and 4) is
-- written once. Error codes are stable and documented in README ("Error codes"):
--   RC101 not signed in · RC102 not an active member (or outside the IP allowlist, or the organization is closed)
--   RC103 missing permission · RC104 ranked too high for the actor · RC105 primary member protected
--   RC106 own role / permissions / status · RC107 permission the actor does not hold
--   RC301 unknown permission · RC305 object of another organization · RC306 not found

-- functions

create function rolecall_private.actor(p_org uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members;
  v_closed_at timestamptz;
begin
  if auth.uid() is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  -- NOTE: every team change locks its organization row first. Changes within one organization are
  -- thereby serialised (two admins demoting each other: the second sees the first's result), and
  -- always in the same lock order, so they cannot deadlock.
  select o.closed_at into v_closed_at from rolecall.organizations o where o.id = p_org for update;
  if not found then
    raise exception 'Organization not found' using errcode = 'RC306', detail = format('organization %s', p_org);
  end if;
  if v_closed_at is not null then
    raise exception 'This organization is closed' using errcode = 'RC102',
      detail = format('organization %s closed at %s', p_org, v_closed_at), hint = 'An operator can reopen it.';
  end if;
  select * into v_actor from rolecall.members m where m.organization_id = p_org and m.user_id = auth.uid();
  if v_actor.id is null or v_actor.status <> 'active' or not rolecall_private.ip_allowed(v_actor.ip_ranges) then
    raise exception 'You are not an active member of this organization' using errcode = 'RC102';
  end if;
  return v_actor;
end;
$$;
comment on function rolecall_private.actor(uuid) is 'The caller''s active member row in the open organization, after locking the organization row; raises RC101/RC102 (also: organization closed)/RC306.';
revoke execute on function rolecall_private.actor(uuid) from public;

create function rolecall_private.require_permission(p_org uuid, p_key text) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.actor(p_org);
begin
  if not rolecall_private.role_member_holds(v_actor.id, v_actor.role_id, p_key) then
    raise exception 'You need the permission "%" for this', p_key using errcode = 'RC103', detail = p_key;
  end if;
  return v_actor;
end;
$$;
comment on function rolecall_private.require_permission(uuid, text) is 'rolecall_private.actor(), and the actor must hold the permission (RC103).';
revoke execute on function rolecall_private.require_permission(uuid, text) from public;

create function rolecall_private.role_in(p_org uuid, p_role_id uuid) returns rolecall.roles
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_role rolecall.roles;
begin
  select * into v_role from rolecall.roles r where r.id = p_role_id;
  if v_role.id is null then
    raise exception 'Role not found' using errcode = 'RC306', detail = format('role %s', p_role_id);
  elsif v_role.organization_id <> p_org then
    raise exception 'That role belongs to another organization' using errcode = 'RC305', detail = format('role %s', p_role_id);
  end if;
  return v_role;
end;
$$;
comment on function rolecall_private.role_in(uuid, uuid) is 'The role, which must belong to the organization (RC306 / RC305).';
revoke execute on function rolecall_private.role_in(uuid, uuid) from public;

create function rolecall_private.member_in(p_org uuid, p_member_id uuid) returns rolecall.members
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_member rolecall.members;
begin
  select * into v_member from rolecall.members m where m.id = p_member_id;
  if v_member.id is null then
    raise exception 'Member not found' using errcode = 'RC306', detail = format('member %s', p_member_id);
  elsif v_member.organization_id <> p_org then
    raise exception 'That member belongs to another organization' using errcode = 'RC305', detail = format('member %s', p_member_id);
  end if;
  return v_member;
end;
$$;
comment on function rolecall_private.member_in(uuid, uuid) is 'The member, which must belong to the organization (RC306 / RC305).';
revoke execute on function rolecall_private.member_in(uuid, uuid) from public;

create function rolecall_private.assert_can_assign(p_actor rolecall.members, p_role rolecall.roles) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_own rolecall.roles := rolecall_private.role_in(p_actor.organization_id, p_actor.role_id);
begin
  perform rolecall_private.role_in(p_actor.organization_id, p_role.id);
  if not (p_role.rank < v_own.rank or (v_own.all_permissions and p_role.rank <= v_own.rank)) then
    raise exception 'You can only assign roles ranked below your own' using errcode = 'RC104', detail = format('role %s', p_role.id);
  end if;
end;
$$;
comment on function rolecall_private.assert_can_assign(rolecall.members, rolecall.roles) is 'No escalation: roles ranked below the actor''s (at or below for all-permissions roles) (RC104).';
revoke execute on function rolecall_private.assert_can_assign(rolecall.members, rolecall.roles) from public;

create function rolecall_private.assert_can_manage(p_actor rolecall.members, p_target rolecall.members) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_own rolecall.roles := rolecall_private.role_in(p_actor.organization_id, p_actor.role_id);
  v_theirs rolecall.roles;
begin
  perform rolecall_private.member_in(p_actor.organization_id, p_target.id);
  if p_target.id = p_actor.id then
    raise exception 'You cannot change your own role, permissions or status' using errcode = 'RC106';
  end if;
  if p_target.is_primary then
    raise exception 'The primary member can only be changed by themselves (by transfer) or by an operator' using errcode = 'RC105';
  end if;
  v_theirs := rolecall_private.role_in(p_actor.organization_id, p_target.role_id);
  if not (v_theirs.rank < v_own.rank or (v_own.all_permissions and v_theirs.rank <= v_own.rank)) then
    raise exception 'You can only manage members ranked below you' using errcode = 'RC104', detail = format('member %s', p_target.id);
  end if;
end;
$$;
comment on function rolecall_private.assert_can_manage(rolecall.members, rolecall.members) is 'Invariants 3 and 4: never oneself, never the primary, only members ranked below (at or below for admins) (RC106 / RC105 / RC104).';
revoke execute on function rolecall_private.assert_can_manage(rolecall.members, rolecall.members) from public;

create function rolecall_private.assert_holds_all(p_actor rolecall.members, p_keys text[]) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_key text;
begin
  foreach v_key in array coalesce(p_keys, '{}') loop
    if not exists (select 1 from rolecall.permissions p where p.key = v_key) then
      raise exception 'Unknown permission "%"', v_key using errcode = 'RC301', detail = v_key;
    end if;
    if not rolecall_private.role_member_holds(p_actor.id, p_actor.role_id, v_key) then
      raise exception 'You cannot hand out the permission "%", which you do not hold', v_key using errcode = 'RC107', detail = v_key;
    end if;
  end loop;
end;
$$;
comment on function rolecall_private.assert_holds_all(rolecall.members, text[]) is 'No escalation: every key exists (RC301) and the actor holds it (RC107).';
revoke execute on function rolecall_private.assert_holds_all(rolecall.members, text[]) from public;

create function rolecall_private.audit_as(p_action text) returns void
language sql volatile security invoker set search_path = ''
as $$
  select set_config('rolecall.action', p_action, true);
$$;
comment on function rolecall_private.audit_as(text) is 'Names the action the audit trigger records for the rest of the transaction.';
revoke execute on function rolecall_private.audit_as(text) from public;
