-- Member RPCs: change a member's role, tick their permission checkboxes, set their IP allowlist and
-- resource grants, deactivate / reactivate / remove them, and leave an organization.
--
-- Every function here follows the same steps, so each rule is written once (20261123101000_rpc_guards):
--   1. rolecall_private.member_org(p_member)             -> the organization (RC306 for an unknown member)
--   2. rolecall_private.require_permission(org, key)     -> locks the organization row, then the actor (RC101-RC103)
--   3. rolecall_private.member_in(org, p_member)         -> the target, re-read after the lock
--   4. rolecall_private.assert_can_manage(actor, target) -> never oneself, never the primary, only ranked below
--   5. validate all input, then rolecall_private.audit_as('<action>') and write only what changes.
-- Reading the target after the lock matters: two admins demoting each other run one after the other,
-- and the second sees the first's result (tests/db/races.test.ts).
-- Every function returns the member row as it is afterwards (removed members: as it was), so clients
-- get a typed result.
-- Error codes beyond the guards': RC108 the Admin role in single-admin mode · RC109 checkboxes on a
-- role without member_overrides · RC204 the primary leaving · RC303 allowlist entry · RC308 a key both
-- granted and denied, or a malformed or unregistered resource type / id · RC107 also for sharing a
-- resource one cannot reach · RC305 / RC306 a resource id of another organization / of no row. A member id carries its organization, so a member of an organization the caller is
-- not in reads RC102 (not a member there); RC305 comes from a role of another organization.
-- leave_organization starts with rolecall_private.actor() like every write: a deactivated member is
-- removed by an admin rather than leaving on its own.
-- remove_member is wrapped by the remove-member edge function (admins are emailed), so signed-in
-- users reach it only there (rolecall.remove_member_as); the others need no email and are direct.

-- functions

create function rolecall_private.member_org(p_member uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_org uuid;
begin
  select m.organization_id into v_org from rolecall.members m where m.id = p_member;
  if v_org is null then
    raise exception 'Member not found' using errcode = 'RC306', detail = format('member %s', p_member);
  end if;
  return v_org;
end;
$$;
comment on function rolecall_private.member_org(uuid) is 'The organization of a member (RC306 when unknown): RPCs that take only a member id start here, then lock that organization.';
revoke execute on function rolecall_private.member_org(uuid) from public;

create function rolecall_private.assert_not_single_admin_role(p_role rolecall.roles) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_role.all_permissions
     and (select o.admin_mode from rolecall.organizations o where o.id = p_role.organization_id) = 'single' then
    raise exception 'In single-admin mode only the Admin promotes someone to Admin (rolecall.promote_to_admin)'
      using errcode = 'RC108', detail = format('role %s', p_role.id);
  end if;
end;
$$;
comment on function rolecall_private.assert_not_single_admin_role(rolecall.roles) is 'Invariant 5: in a single-admin organization nobody is simply assigned the all-permissions role; promote_to_admin replaces the Admin instead (RC108).';
revoke execute on function rolecall_private.assert_not_single_admin_role(rolecall.roles) from public;

create function rolecall_private.move_to_role(p_member uuid, p_role rolecall.roles) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_member rolecall.members;
begin
  -- A role without per-member checkboxes makes the old ones meaningless; drop them so they do not
  -- come back to life if the member later returns to a role that has checkboxes.
  if not p_role.member_overrides then
    delete from rolecall.member_overrides o where o.member_id = p_member;
  end if;
  update rolecall.members m set role_id = p_role.id
   where m.id = p_member and m.role_id is distinct from p_role.id;
  select * into v_member from rolecall.members m where m.id = p_member;
  return v_member;
end;
$$;
comment on function rolecall_private.move_to_role(uuid, rolecall.roles) is 'Puts a member into a role (callers have checked who may); drops its checkboxes when the role takes none. role capacity is enforced by the members trigger (RC203).';
revoke execute on function rolecall_private.move_to_role(uuid, rolecall.roles) from public;

create function rolecall.change_member_role(p_member uuid, p_role uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'members.change_role');
  v_target rolecall.members := rolecall_private.member_in(v_org, p_member);
  v_role rolecall.roles := rolecall_private.role_in(v_org, p_role);
begin
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  perform rolecall_private.assert_can_assign(v_actor, v_role);
  perform rolecall_private.assert_not_single_admin_role(v_role);
  perform rolecall_private.assert_owner_room(v_role, v_target);
  perform rolecall_private.audit_as('members.change_role');
  return rolecall_private.move_to_role(v_target.id, v_role);
end;
$$;
comment on function rolecall.change_member_role(uuid, uuid) is 'Gives a member another role. Needs members.change_role; the member must rank below the caller and the role at or below it; a role without checkboxes drops the member''s overrides. Single-admin mode: use promote_to_admin for the Admin role (RC108). A full owner role (Profit): RC206, contact support (rolecall_private.assert_owner_room, 20261123101300).';
revoke execute on function rolecall.change_member_role(uuid, uuid) from public;
grant execute on function rolecall.change_member_role(uuid, uuid) to authenticated, service_role;

create function rolecall_private.assert_checkboxes_fit(p_role rolecall.roles, p_grants text[], p_denies text[]) returns void
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if not p_role.member_overrides and cardinality(p_grants) + cardinality(p_denies) > 0 then
    raise exception 'Role "%" does not take per-member permissions', p_role.name
      using errcode = 'RC109', detail = format('role %s', p_role.id);
  end if;
  if p_grants && p_denies then
    raise exception 'A permission cannot be both granted and denied' using errcode = 'RC308',
      detail = array_to_string(array(select unnest(p_grants) intersect select unnest(p_denies)), ', ');
  end if;
end;
$$;
comment on function rolecall_private.assert_checkboxes_fit(rolecall.roles, text[], text[]) is 'Per-member checkboxes only for a role that takes them (RC109), and never a key both granted and denied (RC308); for set_member_overrides and invitations alike.';
revoke execute on function rolecall_private.assert_checkboxes_fit(rolecall.roles, text[], text[]) from public;

create function rolecall.set_member_overrides(p_member uuid, p_grants text[], p_denies text[]) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'members.edit_permissions');
  v_target rolecall.members := rolecall_private.member_in(v_org, p_member);
  v_role rolecall.roles;
  -- the organization's product checkboxes (20261123100750) stand for their catalog keys; plain
  -- catalog keys keep working, and are the only input where the organization has no checkboxes
  v_grants text[] := rolecall_private.expand_checkboxes(v_org, p_grants, false);
  v_denies text[] := rolecall_private.expand_checkboxes(v_org, p_denies, true);
  v_box_role uuid := rolecall_private.checkbox_role(v_org, p_grants);
  v_changed text[];
begin
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  -- A checkbox that stands for a role (Jusnote "Адміністратор": "зможе налаштовувати систему,
  -- додавати або деактивовувати Користувачів, призначати додаткових Адміністраторів") is a role
  -- change under every change_member_role rule; unticking it returns the member to the default role.
  if v_box_role is not null or exists (
       select 1 from rolecall.checkboxes cb where cb.organization_id = v_org and cb.role_id = v_target.role_id) then
    if v_box_role is distinct from v_target.role_id then
      perform rolecall.change_member_role(v_target.id, coalesce(v_box_role,
        (select r.id from rolecall.roles r where r.organization_id = v_org and r.is_default)));
      v_target := rolecall_private.member_in(v_org, p_member);
    end if;
    if v_box_role is not null then
      return v_target;
    end if;
  end if;
  v_role := rolecall_private.role_in(v_org, v_target.role_id);
  perform rolecall_private.assert_checkboxes_fit(v_role, v_grants, v_denies);
  -- unknown keys first, so bad input always reads RC301 whatever else is wrong
  perform rolecall_private.assert_holds_all(v_actor,
    array(select k from unnest(v_grants || v_denies) as k where not exists (select 1 from rolecall.permissions p where p.key = k)));
  -- NOTE: no escalation either way: the caller must hold every key whose checkbox it adds, flips or
  -- clears (clearing a deny hands the permission back just as surely as ticking a grant).
  with wanted as (
    select k as key, 'grant'::rolecall.override_effect as effect from unnest(v_grants) as k
    union all
    select k, 'deny' from unnest(v_denies) as k
  ), current as (
    select o.permission_key as key, o.effect from rolecall.member_overrides o where o.member_id = v_target.id
  )
  select coalesce(array_agg(coalesce(w.key, c.key) order by coalesce(w.key, c.key)), '{}') into v_changed
    from wanted w full join current c on c.key = w.key
   where w.effect is distinct from c.effect;
  perform rolecall_private.assert_holds_all(v_actor, v_changed);

  perform rolecall_private.audit_as('members.edit_permissions');
  -- only the rows that change, so the audit trail lists real changes
  delete from rolecall.member_overrides o
   where o.member_id = v_target.id and not (o.permission_key = any (v_grants || v_denies));
  insert into rolecall.member_overrides as o (member_id, organization_id, permission_key, effect)
  select v_target.id, v_org, k.key, k.effect
    from (select unnest(v_grants) as key, 'grant'::rolecall.override_effect as effect
          union all
          select unnest(v_denies), 'deny') k
  on conflict (member_id, permission_key) do update set effect = excluded.effect
   where o.effect is distinct from excluded.effect;
  return v_target;
end;
$$;
comment on function rolecall.set_member_overrides(uuid, text[], text[]) is 'Replaces a member''s permission checkboxes (grants and denies), given as the organization''s checkbox keys (rolecall.checkboxes: each stands for its catalog keys; a role box changes the member''s role as change_member_role does) and/or catalog keys. Needs members.edit_permissions and a role with member_overrides (RC109); the caller must hold every key it adds, flips or removes (RC107); unknown keys or boxes RC301; denying an always-on key RC308. Writes only the rows that change.';
revoke execute on function rolecall.set_member_overrides(uuid, text[], text[]) from public;
grant execute on function rolecall.set_member_overrides(uuid, text[], text[]) to authenticated, service_role;

create function rolecall.set_ip_allowlist(p_member uuid, p_allowlist text[]) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'members.edit_ip_allowlist');
  v_target rolecall.members := rolecall_private.member_in(v_org, p_member);
  -- "whitelisted IP addresses or IP ranges": stored as entered; refused early by the one parser
  -- (RC303), which also generates members.ip_ranges on the update
  v_allowlist text[] := rolecall_private.valid_allowlist(p_allowlist);
begin
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  perform rolecall_private.audit_as('members.edit_ip_allowlist');
  update rolecall.members m set ip_allowlist = v_allowlist
   where m.id = v_target.id and m.ip_allowlist is distinct from v_allowlist;
  select * into v_target from rolecall.members m where m.id = p_member;
  return v_target;
end;
$$;
comment on function rolecall.set_ip_allowlist(uuid, text[]) is 'Sets the addresses and ranges a member may act from (empty: anywhere). Needs members.edit_ip_allowlist; each entry an address, a CIDR network or a first-last range, IPv4 or IPv6, kept as entered (rolecall_private.ip_ranges, RC303).';
revoke execute on function rolecall.set_ip_allowlist(uuid, text[]) from public;
grant execute on function rolecall.set_ip_allowlist(uuid, text[]) to authenticated, service_role;

create function rolecall_private.resource_ids_in(p_org uuid, p_type text, p_ids text[]) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_type rolecall_private.resource_types;
  v_column_type text;
  v_id text;
  v_found text;
  v_owner uuid;
  v_result text[] := '{}';
begin
  select * into v_type from rolecall_private.resource_types t where t.resource_type = p_type;
  if v_type.resource_type is null then
    raise exception 'Unknown resource type "%"', p_type using errcode = 'RC308', detail = p_type,
      hint = 'Register it in rolecall_private.resource_types (its table, id and organization columns).';
  end if;
  select format_type(a.atttypid, a.atttypmod) into v_column_type
    from pg_catalog.pg_attribute a
   where a.attrelid = to_regclass(format('%I.%I', v_type.table_schema, v_type.table_name))
     and a.attname = v_type.id_column and not a.attisdropped;
  if v_column_type is null then
    raise exception 'Resource type "%" points at a missing table or column', p_type using errcode = 'RC308',
      detail = format('%I.%I.%I', v_type.table_schema, v_type.table_name, v_type.id_column);
  end if;
  foreach v_id in array coalesce(p_ids, '{}') loop
    v_found := null;
    begin
      -- identifiers come from the registry (operators' rows), quoted with %I; the id is a parameter
      execute format('select %I::text, %I from %I.%I where %I = $1::%s',
                     v_type.id_column, v_type.organization_column, v_type.table_schema, v_type.table_name,
                     v_type.id_column, v_column_type)
         into v_found, v_owner using v_id;
    exception when data_exception then
      v_found := null;
    end;
    if v_found is null then
      raise exception 'There is no % "%"', p_type, left(v_id, 200) using errcode = 'RC306', detail = format('%s %s', p_type, left(v_id, 200));
    elsif v_owner is distinct from p_org then
      raise exception 'That % belongs to another organization', p_type using errcode = 'RC305', detail = format('%s %s', p_type, v_found);
    end if;
    v_result := v_result || v_found;
  end loop;
  return v_result;
end;
$$;
comment on function rolecall_private.resource_ids_in(uuid, text, text[]) is 'The ids, in their canonical text form, after checking each is a row of the registered resource type (rolecall_private.resource_types) in the organization: RC308 unregistered type, RC306 no such row, RC305 another organization''s.';
revoke execute on function rolecall_private.resource_ids_in(uuid, text, text[]) from public;

create function rolecall_private.requested_resource_ids(p_type text, p_ids text[]) returns text[]
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  v_ids text[] := array(select distinct btrim(i) from unnest(coalesce(p_ids, '{}')) as i);
begin
  if coalesce(p_type, '') !~ '^[a-z][a-z0-9_]*$' then
    raise exception 'Not a resource type: "%"', p_type using errcode = 'RC308', detail = p_type,
      hint = 'A lowercase singular word such as project, budget or card.';
  end if;
  if exists (select 1 from unnest(v_ids) as i where i is null or i = '' or length(i) > 200) then
    raise exception 'Resource ids must be non-empty and at most 200 characters' using errcode = 'RC308';
  end if;
  return v_ids;
end;
$$;
comment on function rolecall_private.requested_resource_ids(text, text[]) is 'The distinct, trimmed ids of a resource grant request, after checking the type''s shape and each id (RC308).';
revoke execute on function rolecall_private.requested_resource_ids(text, text[]) from public;

create function rolecall_private.assert_can_share(p_actor rolecall.members, p_type text, p_ids text[]) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_id text;
begin
  -- NOTE: no escalation: one hands out (or takes away) only resources one can reach oneself: a grant
  -- of one's own or the <type>s.view_all permission. All-permissions roles reach everything, even
  -- resource types whose catalog has no <type>s.view_all key. Asked of a member row, not of the
  -- caller, so accepting an invitation checks its inviter again (rolecall.accept_invitation).
  if (select r.all_permissions from rolecall.roles r where r.id = p_actor.role_id)
     or rolecall_private.role_member_holds(p_actor.id, p_actor.role_id, p_type || 's.view_all') then
    return;
  end if;
  foreach v_id in array coalesce(p_ids, '{}') loop
    if not exists (select 1 from rolecall.resource_grants g
                    where g.member_id = p_actor.id and g.resource_type = p_type and g.resource_id = v_id) then
      raise exception 'You cannot share the % "%", which you cannot reach yourself', p_type, v_id
        using errcode = 'RC107', detail = format('%s %s', p_type, v_id);
    end if;
  end loop;
end;
$$;
comment on function rolecall_private.assert_can_share(rolecall.members, text, text[]) is 'No escalation for resources: the member (the caller of set_resource_grants, or an invitation''s inviter) reaches every id itself, by a grant of its own or <type>s.view_all, or holds an all-permissions role (RC107).';
revoke execute on function rolecall_private.assert_can_share(rolecall.members, text, text[]) from public;

create function rolecall_private.grantable_resource_ids(p_actor rolecall.members, p_type text, p_ids text[]) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_ids text[] := rolecall_private.resource_ids_in(p_actor.organization_id, p_type,
                    rolecall_private.requested_resource_ids(p_type, p_ids));
begin
  perform rolecall_private.assert_can_share(p_actor, p_type, v_ids);
  return v_ids;
end;
$$;
comment on function rolecall_private.grantable_resource_ids(rolecall.members, text, text[]) is 'New resource grants the member may hand out: ids well-formed (RC308), rows of a registered type in its organization (RC306 / RC305) that it reaches itself (RC107); returned in their canonical text form. Used for invitations at invite time and again at accept.';
revoke execute on function rolecall_private.grantable_resource_ids(rolecall.members, text, text[]) from public;

create function rolecall.set_resource_grants(p_member uuid, p_resource_type text, p_resource_ids text[]) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'members.edit_permissions');
  v_target rolecall.members := rolecall_private.member_in(v_org, p_member);
  v_ids text[];
begin
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  v_ids := rolecall_private.requested_resource_ids(p_resource_type, p_resource_ids);
  -- ids not granted yet must be rows of this organization (RC306 / RC305); grants kept as they are
  -- may name rows deleted since, and can still be removed
  v_ids := array(
    select i from unnest(v_ids) as i
     where exists (select 1 from rolecall.resource_grants g
                    where g.member_id = v_target.id and g.resource_type = p_resource_type and g.resource_id = i))
    || rolecall_private.resource_ids_in(v_org, p_resource_type, array(
    select i from unnest(v_ids) as i
     where not exists (select 1 from rolecall.resource_grants g
                        where g.member_id = v_target.id and g.resource_type = p_resource_type and g.resource_id = i)));
  v_ids := array(select distinct i from unnest(v_ids) as i);
  -- no escalation, for additions and removals alike (rolecall_private.assert_can_share)
  perform rolecall_private.assert_can_share(v_actor, p_resource_type, array(
    select i from unnest(v_ids) as i
    except
    select g.resource_id from rolecall.resource_grants g where g.member_id = v_target.id and g.resource_type = p_resource_type
    union
    (select g.resource_id from rolecall.resource_grants g where g.member_id = v_target.id and g.resource_type = p_resource_type
     except
     select i from unnest(v_ids) as i)));
  perform rolecall_private.audit_as('members.edit_resource_grants');
  delete from rolecall.resource_grants g
   where g.member_id = v_target.id and g.resource_type = p_resource_type and not (g.resource_id = any (v_ids));
  insert into rolecall.resource_grants (member_id, organization_id, resource_type, resource_id, granted_by)
  select v_target.id, v_org, p_resource_type, i, auth.uid() from unnest(v_ids) as i
  on conflict (member_id, resource_type, resource_id) do nothing;
  return v_target;
end;
$$;
comment on function rolecall.set_resource_grants(uuid, text, text[]) is 'Replaces which resources of one type (projects, budgets, cards) a member reaches. Needs members.edit_permissions; the type must be registered (rolecall_private.resource_types, RC308) and each new id a row of the member''s organization (RC306 / RC305); the caller must reach each resource it adds or removes (RC107).';
revoke execute on function rolecall.set_resource_grants(uuid, text, text[]) from public;
grant execute on function rolecall.set_resource_grants(uuid, text, text[]) to authenticated, service_role;

create function rolecall_private.change_member_status(p_member uuid, p_status rolecall.member_status) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'members.deactivate');
  v_target rolecall.members := rolecall_private.member_in(v_org, p_member);
begin
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  perform rolecall_private.audit_as(case p_status when 'active' then 'members.reactivate' else 'members.deactivate' end);
  update rolecall.members m
     set status = p_status, deactivated_at = case when p_status = 'deactivated' then now() end
   where m.id = v_target.id and m.status <> p_status;
  select * into v_target from rolecall.members m where m.id = p_member;
  return v_target;
end;
$$;
comment on function rolecall_private.change_member_status(uuid, rolecall.member_status) is 'Deactivates or reactivates a member (members.deactivate, a member ranked below, never the primary or oneself); writes nothing when the status is already that.';
revoke execute on function rolecall_private.change_member_status(uuid, rolecall.member_status) from public;

create function rolecall.deactivate_member(p_member uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return rolecall_private.change_member_status(p_member, 'deactivated');
end;
$$;
comment on function rolecall.deactivate_member(uuid) is 'Suspends a member: it keeps its role and checkboxes but holds no permission until reactivated. Needs members.deactivate; never the primary (RC105) or oneself (RC106).';
revoke execute on function rolecall.deactivate_member(uuid) from public;
grant execute on function rolecall.deactivate_member(uuid) to authenticated, service_role;

create function rolecall.reactivate_member(p_member uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return rolecall_private.change_member_status(p_member, 'active');
end;
$$;
comment on function rolecall.reactivate_member(uuid) is 'Restores a deactivated member with its role and checkboxes. Needs members.deactivate.';
revoke execute on function rolecall.reactivate_member(uuid) from public;
grant execute on function rolecall.reactivate_member(uuid) to authenticated, service_role;

create function rolecall.remove_member(p_member uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'members.remove');
  v_target rolecall.members := rolecall_private.member_in(v_org, p_member);
begin
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  perform rolecall_private.audit_as('members.remove');
  -- checkboxes and resource grants go with the row (foreign keys cascade, each deletion audited)
  delete from rolecall.members m where m.id = v_target.id returning * into v_target;
  return v_target;
end;
$$;
comment on function rolecall.remove_member(uuid) is 'Removes a member from the organization with its checkboxes and resource grants; returns the row as it was. Needs members.remove; never the primary (RC105) or oneself (RC106: use leave_organization). Reached only through remove_member_as (the remove-member function, which emails the admins).';
-- NOTE: not executable by signed-in users: the remove-member function emails the admins around it,
-- and a direct call would skip that. It runs through rolecall.remove_member_as (service role).
revoke execute on function rolecall.remove_member(uuid) from public, anon, authenticated;

create function rolecall.leave_organization(p_org uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.actor(p_org);
begin
  if v_actor.is_primary then
    raise exception 'The primary member cannot leave; transfer primary status first (rolecall.transfer_primary)'
      using errcode = 'RC204', detail = format('member %s', v_actor.id);
  end if;
  perform rolecall_private.audit_as('members.leave');
  delete from rolecall.members m where m.id = v_actor.id returning * into v_actor;
  return v_actor;
end;
$$;
comment on function rolecall.leave_organization(uuid) is 'The caller leaves the organization (any active member but the primary: RC204); returns the row as it was.';
revoke execute on function rolecall.leave_organization(uuid) from public;
grant execute on function rolecall.leave_organization(uuid) to authenticated, service_role;
