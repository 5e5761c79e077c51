-- Permission policy RPCs (payments platform): create, rename, delete a policy and set its
-- permissions and its restrictions ("permissions and restrictions set"). Needs policies.manage.
--
-- A policy is shared: editing it changes every role that has it and every member in those roles
-- ("the changes will be applied to all users the policy is embedded"). So a policy may be changed
-- only if the actor may edit every role using it (rolecall_private.assert_can_edit_role: not the
-- actor's own, not a fixed role such as Cardholder, ranked below the actor) — otherwise editing a
-- policy would be a back door into a higher role or into one's own permissions. A policy no role
-- uses yet is free to edit. Every permission the actor adds must be one it holds (RC107); at most
-- 100 per policy (RC302, also enforced by a trigger on policy_permissions); unknown keys RC301.

-- functions

create function rolecall_private.assert_can_edit_policy(p_actor rolecall.members, p_policy rolecall.policies) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_role rolecall.roles;
begin
  for v_role in
    select r.* from rolecall.roles r join rolecall.role_policies rp on rp.role_id = r.id
     where rp.policy_id = p_policy.id order by r.rank desc, r.id
  loop
    perform rolecall_private.assert_can_edit_role(p_actor, v_role);
  end loop;
end;
$$;
comment on function rolecall_private.assert_can_edit_policy(rolecall.members, rolecall.policies) is 'A policy may change only if the actor may edit every role that uses it (RC109 / RC106 / RC104).';
revoke execute on function rolecall_private.assert_can_edit_policy(rolecall.members, rolecall.policies) from public;

create function rolecall_private.checked_policy_keys(p_keys text[]) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct btrim(k) from unnest(coalesce(p_keys, '{}')) as k where k is not null order by 1);
  v_unknown text;
begin
  select k into v_unknown from unnest(v_keys) as k
   where not exists (select 1 from rolecall.permissions p where p.key = k) order by k limit 1;
  if v_unknown is not null then
    raise exception 'Unknown permission "%"', v_unknown using errcode = 'RC301', detail = v_unknown;
  end if;
  if cardinality(v_keys) > 100 then
    raise exception 'A permission policy holds at most 100 permissions (% given)', cardinality(v_keys)
      using errcode = 'RC302', detail = cardinality(v_keys)::text;
  end if;
  return v_keys;
end;
$$;
comment on function rolecall_private.checked_policy_keys(text[]) is 'The distinct keys of a policy, each in the catalog (RC301), at most 100 (RC302).';
revoke execute on function rolecall_private.checked_policy_keys(text[]) from public;

create function rolecall.create_policy(p_org uuid, p_name text, p_description text default '', p_keys text[] default '{}')
returns rolecall.policies
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.require_permission(p_org, 'policies.manage');
  v_name text := rolecall_private.valid_name(p_name, 100, 'policy');
  v_keys text[] := rolecall_private.checked_policy_keys(p_keys);
  v_policy rolecall.policies;
begin
  perform rolecall_private.assert_unique_name(p_org, 'policies', v_name, null);
  perform rolecall_private.assert_holds_all(v_actor, v_keys);
  perform rolecall_private.audit_as('policies.create');
  insert into rolecall.policies (organization_id, name, description)
  values (p_org, v_name, coalesce(p_description, ''))
  returning * into v_policy;
  insert into rolecall.policy_permissions (policy_id, organization_id, permission_key)
  select v_policy.id, p_org, k from unnest(v_keys) as k;
  return v_policy;
end;
$$;
comment on function rolecall.create_policy(uuid, text, text, text[]) is 'Creates a permission policy (permissions by resource and by page). Needs policies.manage; name 1-100 characters (RC304), unique (RC309); keys known (RC301), at most 100 (RC302), each held by the caller (RC107).';
revoke execute on function rolecall.create_policy(uuid, text, text, text[]) from public;
grant execute on function rolecall.create_policy(uuid, text, text, text[]) to authenticated, service_role;

create function rolecall.update_policy(p_policy uuid, p_name text default null, p_description text default null)
returns rolecall.policies
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.policy_org(p_policy);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'policies.manage');
  v_policy rolecall.policies := rolecall_private.policy_in(v_org, p_policy);
  v_name text;
begin
  perform rolecall_private.assert_can_edit_policy(v_actor, v_policy);
  v_name := case when p_name is null then v_policy.name else rolecall_private.valid_name(p_name, 100, 'policy') end;
  perform rolecall_private.assert_unique_name(v_org, 'policies', v_name, v_policy.id);
  perform rolecall_private.audit_as('policies.update');
  update rolecall.policies p
     set name = v_name, description = coalesce(p_description, p.description)
   where p.id = v_policy.id
     and (p.name, p.description) is distinct from (v_name, coalesce(p_description, p.description));
  return (select p from rolecall.policies p where p.id = v_policy.id);
end;
$$;
comment on function rolecall.update_policy(uuid, text, text) is 'Renames or re-describes a policy; null keeps a value. Needs policies.manage and every role using it editable by the caller (RC109 / RC106 / RC104); name rules as create_policy.';
revoke execute on function rolecall.update_policy(uuid, text, text) from public;
grant execute on function rolecall.update_policy(uuid, text, text) to authenticated, service_role;

create function rolecall.delete_policy(p_policy uuid) returns rolecall.policies
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.policy_org(p_policy);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'policies.manage');
  v_policy rolecall.policies := rolecall_private.policy_in(v_org, p_policy);
begin
  perform rolecall_private.assert_can_edit_policy(v_actor, v_policy);
  -- deleting a restriction hands its keys back to the roles that had it: no escalation (RC107)
  perform rolecall_private.assert_holds_all(v_actor, array(
    select pp.permission_key from rolecall.policy_permissions pp
     where pp.policy_id = v_policy.id and pp.effect = 'deny' order by 1));
  perform rolecall_private.audit_as('policies.delete');
  -- its permissions and its links to roles go with it (foreign keys cascade, each deletion audited)
  delete from rolecall.policies p where p.id = v_policy.id returning * into v_policy;
  return v_policy;
end;
$$;
comment on function rolecall.delete_policy(uuid) is 'Deletes a policy; every role that had it loses its permissions (and its restrictions, which needs the restricted keys held, RC107). Needs policies.manage and every role using it editable by the caller (RC109 / RC106 / RC104). Returns the row as it was.';
revoke execute on function rolecall.delete_policy(uuid) from public;
grant execute on function rolecall.delete_policy(uuid) to authenticated, service_role;

create function rolecall_private.set_policy_keys(p_policy uuid, p_keys text[], p_effect rolecall.override_effect)
returns rolecall.policies
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.policy_org(p_policy);
  v_actor rolecall.members := rolecall_private.require_permission(v_org, 'policies.manage');
  v_policy rolecall.policies := rolecall_private.policy_in(v_org, p_policy);
  v_keys text[];
begin
  perform rolecall_private.assert_can_edit_policy(v_actor, v_policy);
  v_keys := rolecall_private.checked_policy_keys(p_keys);
  -- no escalation: what the change hands out must be held. Grants: the keys it adds (removing one
  -- never grants anything). Restrictions: the keys it lifts (restricting takes away, so needs nothing).
  perform rolecall_private.assert_holds_all(v_actor, case p_effect
    when 'grant' then array(select unnest(v_keys) except
                            select pp.permission_key from rolecall.policy_permissions pp where pp.policy_id = v_policy.id and pp.effect = 'grant')
    else array(select pp.permission_key from rolecall.policy_permissions pp
                where pp.policy_id = v_policy.id and pp.effect = 'deny' and not (pp.permission_key = any (v_keys)))
  end);
  perform rolecall_private.audit_as(case p_effect when 'grant' then 'policies.set_permissions' else 'policies.set_restrictions' end);
  -- only rows of this effect are replaced; a key named here that has the other effect switches to this one
  delete from rolecall.policy_permissions pp
   where pp.policy_id = v_policy.id and pp.effect = p_effect and not (pp.permission_key = any (v_keys));
  insert into rolecall.policy_permissions as pp (policy_id, organization_id, permission_key, effect)
  select v_policy.id, v_org, k, p_effect from unnest(v_keys) as k
  on conflict (policy_id, permission_key) do update set effect = p_effect where pp.effect <> p_effect;
  return (select p from rolecall.policies p where p.id = v_policy.id);
end;
$$;
comment on function rolecall_private.set_policy_keys(uuid, text[], rolecall.override_effect) is 'Makes a policy''s grants (or restrictions) exactly p_keys, with every check of set_policy_permissions / set_policy_restrictions: policies.manage, every role using the policy editable by the caller, keys known and at most 100, and what the change hands out held by the caller (RC107).';
revoke execute on function rolecall_private.set_policy_keys(uuid, text[], rolecall.override_effect) from public;

create function rolecall.set_policy_permissions(p_policy uuid, p_keys text[]) returns rolecall.policies
language sql volatile security definer set search_path = ''
as $$
  select rolecall_private.set_policy_keys(p_policy, p_keys, 'grant');
$$;
comment on function rolecall.set_policy_permissions(uuid, text[]) is 'Makes a policy''s granted permissions exactly the given keys (its restrictions stay: set_policy_restrictions); every role and member that has the policy changes with it. Needs policies.manage and every role using it editable by the caller (RC109 / RC106 / RC104); keys known (RC301), at most 100 (RC302), added ones held by the caller (RC107).';
revoke execute on function rolecall.set_policy_permissions(uuid, text[]) from public;
grant execute on function rolecall.set_policy_permissions(uuid, text[]) to authenticated, service_role;

create function rolecall.set_policy_restrictions(p_policy uuid, p_keys text[]) returns rolecall.policies
language sql volatile security definer set search_path = ''
as $$
  select rolecall_private.set_policy_keys(p_policy, p_keys, 'deny');
$$;
comment on function rolecall.set_policy_restrictions(uuid, text[]) is 'Makes a policy''s restrictions exactly the given keys (payments platform: a policy is a "permissions and restrictions set"): every role with the policy loses them, and the actions that require a restricted page, whatever its other policies grant; a member''s own checkbox grant still adds a key back. Needs policies.manage and every role using it editable by the caller (RC109 / RC106 / RC104); keys known (RC301), at most 100 rows per policy (RC302); lifting a restriction needs the key held (RC107).';
revoke execute on function rolecall.set_policy_restrictions(uuid, text[]) from public;
grant execute on function rolecall.set_policy_restrictions(uuid, text[]) to authenticated, service_role;
