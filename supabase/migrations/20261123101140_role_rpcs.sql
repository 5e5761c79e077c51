-- Role RPCs: create, update, delete a role and set its policies. Needs roles.manage.
--
-- No escalation (invariant 4), written once in rolecall_private.assert_can_edit_role:
--   * all-permissions roles (Owner / Admin) and roles marked not editable (Cardholder) are never
--     edited, deleted or re-linked (RC109) — "the permissions for the Admin role cannot be edited";
--   * nobody edits their own role (RC106): that would be changing one's own permissions;
--   * only roles the actor could assign (ranked below it; at or below for an all-permissions
--     actor) may be edited (RC104), and a new or changed rank must be one the actor could assign,
--     so only an all-permissions actor creates roles at its own rank;
--   * every permission a role gains through an added policy must be held by the actor (RC107).
-- Custom roles are never all-permissions: the only all-permissions role of an organization is the
-- one its template seeded, which keeps invariants 1, 2 and 5 about a single, known kind of role.
-- Each function returns the role row as it is afterwards (deleted: as it was).

-- functions

create function rolecall_private.role_org(p_role uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_org uuid;
begin
  select r.organization_id into v_org from rolecall.roles r where r.id = p_role;
  if v_org is null then
    raise exception 'Role not found' using errcode = 'RC306', detail = format('role %s', p_role);
  end if;
  return v_org;
end;
$$;
comment on function rolecall_private.role_org(uuid) is 'The organization of a role (RC306 when unknown): RPCs that take only a role id start here, then lock that organization.';
revoke execute on function rolecall_private.role_org(uuid) from public;

create function rolecall_private.policy_org(p_policy uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_org uuid;
begin
  select p.organization_id into v_org from rolecall.policies p where p.id = p_policy;
  if v_org is null then
    raise exception 'Permission policy not found' using errcode = 'RC306', detail = format('policy %s', p_policy);
  end if;
  return v_org;
end;
$$;
comment on function rolecall_private.policy_org(uuid) is 'The organization of a permission policy (RC306 when unknown).';
revoke execute on function rolecall_private.policy_org(uuid) from public;

create function rolecall_private.policy_in(p_org uuid, p_policy uuid) returns rolecall.policies
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_policy rolecall.policies;
begin
  select * into v_policy from rolecall.policies p where p.id = p_policy;
  if v_policy.id is null then
    raise exception 'Permission policy not found' using errcode = 'RC306', detail = format('policy %s', p_policy);
  elsif v_policy.organization_id <> p_org then
    raise exception 'That permission policy belongs to another organization' using errcode = 'RC305', detail = format('policy %s', p_policy);
  end if;
  return v_policy;
end;
$$;
comment on function rolecall_private.policy_in(uuid, uuid) is 'The policy, which must belong to the organization (RC306 / RC305).';
revoke execute on function rolecall_private.policy_in(uuid, uuid) from public;

create function rolecall_private.assert_unique_name(p_org uuid, p_table text, p_name text, p_except uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_taken boolean;
begin
  if p_table = 'roles' then
    v_taken := exists (select 1 from rolecall.roles r where r.organization_id = p_org and lower(r.name) = lower(p_name) and r.id is distinct from p_except);
  else
    v_taken := exists (select 1 from rolecall.policies p where p.organization_id = p_org and lower(p.name) = lower(p_name) and p.id is distinct from p_except);
  end if;
  if v_taken then
    raise exception 'The name "%" is already used in this organization', p_name using errcode = 'RC309', detail = p_name;
  end if;
end;
$$;
comment on function rolecall_private.assert_unique_name(uuid, text, text, uuid) is 'Role and policy names are unique per organization, case-insensitively (RC309), checked before writing so the error is clear.';
revoke execute on function rolecall_private.assert_unique_name(uuid, text, text, uuid) from public;

create function rolecall_private.assert_can_edit_role(p_actor rolecall.members, p_role rolecall.roles) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_role.all_permissions or not p_role.editable then
    raise exception 'The role "%" cannot be edited', p_role.name using errcode = 'RC109', detail = format('role %s', p_role.id);
  end if;
  if p_role.id = p_actor.role_id then
    raise exception 'You cannot edit your own role' using errcode = 'RC106', detail = format('role %s', p_role.id);
  end if;
  perform rolecall_private.assert_can_assign(p_actor, p_role);
end;
$$;
comment on function rolecall_private.assert_can_edit_role(rolecall.members, rolecall.roles) is 'Whether the actor may change a role (or a policy that role uses): editable and not all-permissions (RC109), not its own (RC106), one it could assign (RC104).';
revoke execute on function rolecall_private.assert_can_edit_role(rolecall.members, rolecall.roles) from public;

create function rolecall_private.assert_can_rank(p_actor rolecall.members, p_rank integer) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_probe rolecall.roles := rolecall_private.role_in(p_actor.organization_id, p_actor.role_id);
begin
  if p_rank is null or p_rank not between 0 and 1000 then
    raise exception 'A rank is a whole number from 0 to 1000' using errcode = 'RC308', detail = coalesce(p_rank::text, 'null');
  end if;
  -- NOTE: the rank rule lives in assert_can_assign; asking it about the actor's own role with the
  -- wanted rank applies that rule to a role that does not exist yet.
  v_probe.rank := p_rank;
  perform rolecall_private.assert_can_assign(p_actor, v_probe);
end;
$$;
comment on function rolecall_private.assert_can_rank(rolecall.members, integer) is 'A role may get this rank only if the actor could assign a role of that rank (RC104); ranks are 0-1000 (RC308).';
revoke execute on function rolecall_private.assert_can_rank(rolecall.members, integer) from public;

create function rolecall_private.link_role_policies(p_actor rolecall.members, p_role rolecall.roles, p_policy_ids uuid[]) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_ids uuid[] := array(select distinct i from unnest(coalesce(p_policy_ids, '{}')) as i where i is not null);
  v_added uuid[];
  v_id uuid;
begin
  foreach v_id in array v_ids loop
    perform rolecall_private.policy_in(p_role.organization_id, v_id);
  end loop;
  v_added := array(select unnest(v_ids) except select rp.policy_id from rolecall.role_policies rp where rp.role_id = p_role.id);
  -- no escalation: the role gains only permissions the actor holds — what an added policy grants,
  -- and what a removed policy restricted (policy_permissions.effect = 'deny')
  perform rolecall_private.assert_holds_all(p_actor, array(
    select distinct pp.permission_key from rolecall.policy_permissions pp
     where (pp.policy_id = any (v_added) and pp.effect = 'grant')
        or (pp.effect = 'deny' and pp.policy_id in (
              select rp.policy_id from rolecall.role_policies rp where rp.role_id = p_role.id and not (rp.policy_id = any (v_ids))))
     order by 1));
  delete from rolecall.role_policies rp where rp.role_id = p_role.id and not (rp.policy_id = any (v_ids));
  insert into rolecall.role_policies (role_id, policy_id, organization_id)
  select p_role.id, i, p_role.organization_id from unnest(v_added) as i;
end;
$$;
comment on function rolecall_private.link_role_policies(rolecall.members, rolecall.roles, uuid[]) is 'Makes the role''s policies exactly p_policy_ids: each of the organization (RC305/RC306), and every permission an added policy grants or a removed policy restricted held by the actor (RC107). Writes only what changes.';
revoke execute on function rolecall_private.link_role_policies(rolecall.members, rolecall.roles, uuid[]) from public;

create function rolecall.create_role(
  p_org uuid,
  p_name text,
  p_rank integer,
  p_description text default '',
  p_member_overrides boolean default false,
  p_max_members integer default null,
  p_is_default boolean default false,
  p_policy_ids uuid[] default '{}'
) returns rolecall.roles
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.require_permission(p_org, 'roles.manage');
  v_name text := rolecall_private.valid_name(p_name, 100, 'role');
  v_role rolecall.roles;
  v_id uuid;
begin
  perform rolecall_private.assert_unique_name(p_org, 'roles', v_name, null);
  perform rolecall_private.assert_can_rank(v_actor, p_rank);
  if p_max_members is not null and p_max_members < 1 then
    raise exception 'max_members is at least 1 (or null for no limit)' using errcode = 'RC308', detail = p_max_members::text;
  end if;
  -- validate the policies before writing anything
  foreach v_id in array coalesce(p_policy_ids, '{}') loop
    perform rolecall_private.policy_in(p_org, v_id);
  end loop;
  perform rolecall_private.assert_holds_all(v_actor, array(
    select distinct pp.permission_key from rolecall.policy_permissions pp
     where pp.policy_id = any (coalesce(p_policy_ids, '{}')) and pp.effect = 'grant' order by 1));

  perform rolecall_private.audit_as('roles.create');
  if coalesce(p_is_default, false) then
    update rolecall.roles r set is_default = false where r.organization_id = p_org and r.is_default;
  end if;
  insert into rolecall.roles (organization_id, name, description, rank, member_overrides, max_members, is_default)
  values (p_org, v_name, coalesce(p_description, ''), p_rank, coalesce(p_member_overrides, false), p_max_members, coalesce(p_is_default, false))
  returning * into v_role;
  perform rolecall_private.link_role_policies(v_actor, v_role, p_policy_ids);
  return v_role;
end;
$$;
comment on function rolecall.create_role(uuid, text, integer, text, boolean, integer, boolean, uuid[]) is 'Creates a custom role made of permission policies. Needs roles.manage; name 1-100 characters (RC304), unique (RC309); rank one the caller could assign (RC104; at its own rank only for all-permissions roles); every permission of its policies held by the caller (RC107); policies of the same organization (RC305).';
revoke execute on function rolecall.create_role(uuid, text, integer, text, boolean, integer, boolean, uuid[]) from public;
grant execute on function rolecall.create_role(uuid, text, integer, text, boolean, integer, boolean, uuid[]) to authenticated, service_role;

create function rolecall.update_role(
  p_role uuid,
  p_name text default null,
  p_description text default null,
  p_rank integer default null,
  p_member_overrides boolean default null,
  p_max_members integer default null,
  p_is_default boolean default null
) returns rolecall.roles
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.role_org(p_role);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'roles.manage');
  v_role rolecall.roles := rolecall_private.role_in(v_org, p_role);
  v_name text;
  v_max integer;
begin
  perform rolecall_private.assert_can_edit_role(v_actor, v_role);
  v_name := case when p_name is null then v_role.name else rolecall_private.valid_name(p_name, 100, 'role') end;
  perform rolecall_private.assert_unique_name(v_org, 'roles', v_name, v_role.id);
  if p_rank is not null then
    perform rolecall_private.assert_can_rank(v_actor, p_rank);
  end if;
  -- max_members: null keeps the limit, 0 removes it
  v_max := case when p_max_members is null then v_role.max_members when p_max_members = 0 then null else p_max_members end;
  if p_max_members < 0 then
    raise exception 'max_members is at least 1 (0 removes the limit)' using errcode = 'RC308', detail = p_max_members::text;
  end if;
  if v_max is not null and (select count(*) from rolecall.members m where m.role_id = v_role.id) > v_max then
    raise exception 'Role "%" already has more than % member(s)', v_role.name, v_max
      using errcode = 'RC203', detail = format('role %s', v_role.id);
  end if;

  perform rolecall_private.audit_as('roles.update');
  -- switching checkboxes off drops them, so they cannot come back to life later (as move_to_role does)
  if p_member_overrides is false and v_role.member_overrides then
    delete from rolecall.member_overrides o
     using rolecall.members m where m.id = o.member_id and m.role_id = v_role.id;
  end if;
  if p_is_default and not v_role.is_default then
    update rolecall.roles r set is_default = false where r.organization_id = v_org and r.is_default;
  end if;
  update rolecall.roles r
     set name = v_name,
         description = coalesce(p_description, r.description),
         rank = coalesce(p_rank, r.rank),
         member_overrides = coalesce(p_member_overrides, r.member_overrides),
         max_members = v_max,
         is_default = coalesce(p_is_default, r.is_default)
   where r.id = v_role.id
     and (r.name, r.description, r.rank, r.member_overrides, r.max_members, r.is_default)
         is distinct from (v_name, coalesce(p_description, r.description), coalesce(p_rank, r.rank),
                           coalesce(p_member_overrides, r.member_overrides), v_max, coalesce(p_is_default, r.is_default));
  return (select r from rolecall.roles r where r.id = v_role.id);
end;
$$;
comment on function rolecall.update_role(uuid, text, text, integer, boolean, integer, boolean) is 'Changes a role''s name, description, rank, checkboxes switch, member limit (0 removes it) or default flag; null keeps a value. Needs roles.manage and a role the caller may edit (RC109 / RC106 / RC104); the new rank must be one the caller could assign (RC104); a limit below the current member count is RC203. Switching checkboxes off drops the members'' checkboxes.';
revoke execute on function rolecall.update_role(uuid, text, text, integer, boolean, integer, boolean) from public;
grant execute on function rolecall.update_role(uuid, text, text, integer, boolean, integer, boolean) to authenticated, service_role;

create function rolecall.delete_role(p_role uuid) returns rolecall.roles
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.role_org(p_role);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'roles.manage');
  v_role rolecall.roles := rolecall_private.role_in(v_org, p_role);
  v_members integer;
  v_invitations integer;
begin
  perform rolecall_private.assert_can_edit_role(v_actor, v_role);
  select count(*) into v_members from rolecall.members m where m.role_id = v_role.id;
  select count(*) into v_invitations from rolecall.invitations i where i.role_id = v_role.id and i.status = 'pending';
  if v_members + v_invitations > 0 then
    raise exception 'Role "%" still has % member(s) and % pending invitation(s); move them to another role first', v_role.name, v_members, v_invitations
      using errcode = 'RC205', detail = format('role %s', v_role.id);
  end if;
  perform rolecall_private.audit_as('roles.delete');
  delete from rolecall.roles r where r.id = v_role.id returning * into v_role;
  return v_role;
end;
$$;
comment on function rolecall.delete_role(uuid) is 'Deletes a role no member and no pending invitation uses (RC205). Needs roles.manage and a role the caller may edit (RC109 / RC106 / RC104). Returns the row as it was.';
revoke execute on function rolecall.delete_role(uuid) from public;
grant execute on function rolecall.delete_role(uuid) to authenticated, service_role;

create function rolecall.set_role_policies(p_role uuid, p_policy_ids uuid[]) returns rolecall.roles
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.role_org(p_role);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'roles.manage');
  v_role rolecall.roles := rolecall_private.role_in(v_org, p_role);
begin
  perform rolecall_private.assert_can_edit_role(v_actor, v_role);
  perform rolecall_private.audit_as('roles.set_policies');
  perform rolecall_private.link_role_policies(v_actor, v_role, p_policy_ids);
  return (select r from rolecall.roles r where r.id = v_role.id);
end;
$$;
comment on function rolecall.set_role_policies(uuid, uuid[]) is 'Makes a role''s policies exactly the given ones (its permissions become their union). Needs roles.manage and a role the caller may edit (RC109 / RC106 / RC104); policies of the same organization (RC305); the caller must hold every permission an added policy brings (RC107).';
revoke execute on function rolecall.set_role_policies(uuid, uuid[]) from public;
grant execute on function rolecall.set_role_policies(uuid, uuid[]) to authenticated, service_role;
