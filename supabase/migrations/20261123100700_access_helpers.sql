-- How Rolecall decides what a member may do. One rule, in one place (role_member_holds):
--   deactivated, or outside the IP allowlist    -> nothing
--   role with all_permissions                   -> every permission in the catalog
--   otherwise (role policies ∪ member grants) − member denies   (checkboxes only if the role allows them)
--     widened by implied permissions (an action brings the page it requires; a deny of that page
--     removes the action) and by the organization's always-on checkboxes
-- Everything else (has_permission, the RLS policies, the RPC checks) is built on these functions.
-- They are SECURITY DEFINER so policies can call them without recursing into RLS, and live in
-- rolecall_private so the API cannot call them; rolecall.* exposes the few a client or a vendor needs.
-- Grants: signed-in users may execute only what a policy or a SECURITY INVOKER function calls in
-- their name (my_organization_ids, my_member_ids, permitted_organization_ids, has_permission,
-- granted_resource_ids, has_resource_access, invitation_visible), each answering for the caller
-- alone. ip_allowed and role_member_holds (which answers for any member id) run only inside
-- SECURITY DEFINER functions, as their owner, so authenticated holds no EXECUTE on them: exposing
-- rolecall_private by mistake would reveal nothing about other members.
-- NOTE: PL/pgSQL, not SQL. A SQL function with `set search_path = ''` is never inlined, and before
-- PostgreSQL 18 its body is parsed and planned again on every call: bench/db.ts measured 0.65 ms per
-- has_permission that way; PL/pgSQL keeps each statement's plan for the session (about 0.06 ms).

-- functions

create function rolecall_private.ip_allowed(p_ranges rolecall.ip_range[]) returns boolean
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_ip inet;
begin
  -- NOTE: only API requests are filtered (an operator in the SQL editor has no client address);
  -- an API request without a usable address fails closed.
  if cardinality(p_ranges) = 0 or auth.role() is distinct from 'authenticated' then
    return true;
  end if;
  v_ip := rolecall_private.request_ip();
  if v_ip is null then
    return false;
  end if;
  -- inet order with full masks is address order; the family test keeps IPv4 and IPv6 apart
  -- (::ffff:203.0.113.7 is an IPv6 address and matches no IPv4 entry).
  v_ip := set_masklen(v_ip, case family(v_ip) when 4 then 32 else 128 end);
  return exists (select 1 from unnest(p_ranges) as r where family(r.low) = family(v_ip) and v_ip between r.low and r.high);
end;
$$;
comment on function rolecall_private.ip_allowed(rolecall.ip_range[]) is 'Whether the current request comes from inside the allowlist (members.ip_ranges; empty: anywhere): an address of the same family between an entry''s low and high.';
revoke execute on function rolecall_private.ip_allowed(rolecall.ip_range[]) from public;
grant execute on function rolecall_private.ip_allowed(rolecall.ip_range[]) to service_role;

create function rolecall_private.role_member_holds(p_member_id uuid, p_role_id uuid, p_key text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_all_permissions boolean;
  v_member_overrides boolean;
  v_in_role boolean;
  v_always_on boolean;
  v_any_deny boolean;
  v_granted boolean;
begin
  -- NOTE: a closed organization (organizations.closed_at) grants nobody anything.
  select r.all_permissions, r.member_overrides into v_all_permissions, v_member_overrides
    from rolecall.roles r
    join rolecall.organizations o on o.id = r.organization_id and o.closed_at is null
   where r.id = p_role_id;
  if not found then
    return false;
  end if;
  if v_all_permissions then
    return exists (select 1 from rolecall.permissions p where p.key = p_key);
  end if;
  -- The key is held when it, or an action that requires it ("an action brings the page it needs"),
  -- is directly held and not blocked:
  --   directly held  a checkbox grant, or a policy of the role that no policy of it restricts
  --                  (a policy restriction removes the key for the role; a checkbox grant adds it back);
  --   blocked        a checkbox deny of the key itself or of any key it requires.
  -- Always-on keys of the organization are held whatever the checkboxes say.
  -- NOTE: which wins: an explicit deny of a page removes every action needing it, even one ticked
  -- or given by a policy (unticking "View bills" leaves no way to approve a bill unseen); a grant of
  -- an action brings its page unless that page is denied.
  -- What the role's policies give, implications and always-on keys included, is resolved at write
  -- time (rolecall_private.role_permissions), so the common cases cost one row lookup each.
  if v_member_overrides then
    -- the member's checkboxes, in one statement: a deny anywhere (then the full rule below), a
    -- grant of the key itself or of an action that requires it
    select exists (select 1 from rolecall.member_overrides d where d.member_id = p_member_id and d.effect = 'deny'),
           exists (select 1 from rolecall.member_overrides g
                    where g.member_id = p_member_id and g.permission_key = p_key and g.effect = 'grant')
           or exists (select 1 from rolecall_private.permission_closure c
                        join rolecall.member_overrides g on g.member_id = p_member_id and g.permission_key = c.permission_key and g.effect = 'grant'
                       where c.requires_key = p_key)
      into v_any_deny, v_granted;
    if v_granted and not v_any_deny then
      return true;
    end if;
  end if;
  -- what the role's policies give, implications and always-on keys included, resolved at write time
  select true, rk.always_on into v_in_role, v_always_on
    from rolecall_private.role_permissions rk where rk.role_id = p_role_id and rk.permission_key = p_key;
  if v_always_on then
    return true;
  end if;
  if not coalesce(v_any_deny, false) then
    return coalesce(v_in_role, false);
  end if;
  -- the member denies something: the rule in full, candidate by candidate
  return exists (
    select 1
      from (select p_key as key
            union all
            select c.permission_key from rolecall_private.permission_closure c where c.requires_key = p_key) a
     where not exists (
             select 1 from rolecall.member_overrides d
              where d.member_id = p_member_id and d.effect = 'deny'
                and (d.permission_key = a.key
                     or d.permission_key in (select c.requires_key from rolecall_private.permission_closure c where c.permission_key = a.key)))
       and (exists (
             select 1 from rolecall.member_overrides g
              where g.member_id = p_member_id and g.permission_key = a.key and g.effect = 'grant')
            -- granted by a policy and not restricted by one (resolved in role_permissions; an
            -- implied key there counts only as a candidate of its own)
            or exists (
             select 1 from rolecall.role_policies rp
               join rolecall.policy_permissions pp on pp.policy_id = rp.policy_id
               join rolecall_private.role_permissions rk on rk.role_id = rp.role_id and rk.permission_key = pp.permission_key
              where rp.role_id = p_role_id and pp.permission_key = a.key and pp.effect = 'grant')));
end;
$$;
comment on function rolecall_private.role_member_holds(uuid, uuid, text) is 'THE permission rule for one member in one role, ignoring status and IP: all_permissions; else the key or an action requiring it (rolecall.permission_requires) held through policies or checkbox grants and not blocked by a checkbox deny of it or of anything it requires; or an always-on checkbox of the organization. Policies, implications and always-on keys are read resolved (rolecall_private.role_permissions).';
revoke execute on function rolecall_private.role_member_holds(uuid, uuid, text) from public;
grant execute on function rolecall_private.role_member_holds(uuid, uuid, text) to service_role;

create function rolecall_private.my_organization_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(m.organization_id), '{}')
      from rolecall.members m
      join rolecall.organizations o on o.id = m.organization_id and o.closed_at is null
     where m.user_id = auth.uid()
       and m.status = 'active'
       and rolecall_private.ip_allowed(m.ip_ranges));
end;
$$;
comment on function rolecall_private.my_organization_ids() is 'Open organizations where the caller is an active member inside its IP allowlist. RLS policies compare with it once per statement; granted_resource_ids and has_resource_access build on it.';
revoke execute on function rolecall_private.my_organization_ids() from public;
grant execute on function rolecall_private.my_organization_ids() to authenticated, service_role;

create function rolecall_private.my_member_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select coalesce(array_agg(m.id), '{}') from rolecall.members m where m.user_id = auth.uid());
end;
$$;
comment on function rolecall_private.my_member_ids() is 'Every member row of the caller, active or not: one always sees one''s own checkboxes and grants.';
revoke execute on function rolecall_private.my_member_ids() from public;
grant execute on function rolecall_private.my_member_ids() to authenticated, service_role;

create function rolecall_private.permitted_organization_ids(p_key text) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(m.organization_id), '{}')
      from rolecall.members m
     where m.user_id = auth.uid()
       and m.status = 'active'
       and rolecall_private.ip_allowed(m.ip_ranges)
       and rolecall_private.role_member_holds(m.id, m.role_id, p_key));
end;
$$;
comment on function rolecall_private.permitted_organization_ids(text) is 'Organizations where the caller holds the permission now.';
revoke execute on function rolecall_private.permitted_organization_ids(text) from public;
grant execute on function rolecall_private.permitted_organization_ids(text) to authenticated, service_role;

create function rolecall.permitted_org_ids(p_key text) returns uuid[]
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return rolecall_private.permitted_organization_ids(p_key);
end;
$$;
comment on function rolecall.permitted_org_ids(text) is 'For vendors'' RLS policies on large tables: `org_id = any ((select rolecall.permitted_org_ids(''bills.view''))::uuid[])` runs once per statement and keeps the org_id index usable.';
revoke execute on function rolecall.permitted_org_ids(text) from public;
grant execute on function rolecall.permitted_org_ids(text) to authenticated, service_role;

create function rolecall_private.has_permission(p_org uuid, p_key text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_member rolecall.members;
begin
  select * into v_member from rolecall.members m where m.organization_id = p_org and m.user_id = auth.uid();
  -- NOTE: the empty-allowlist test spares most calls a function call (and its search_path switch).
  return v_member.id is not null
     and v_member.status = 'active'
     and (cardinality(v_member.ip_ranges) = 0 or rolecall_private.ip_allowed(v_member.ip_ranges))
     and rolecall_private.role_member_holds(v_member.id, v_member.role_id, p_key);
end;
$$;
comment on function rolecall_private.has_permission(uuid, text) is 'Whether the caller holds the permission in the organization right now.';
revoke execute on function rolecall_private.has_permission(uuid, text) from public;
grant execute on function rolecall_private.has_permission(uuid, text) to authenticated, service_role;

create function rolecall.has_permission(p_org uuid, p_key text) returns boolean
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return rolecall_private.has_permission(p_org, p_key);
end;
$$;
comment on function rolecall.has_permission(uuid, text) is 'The one call vendors'' RLS policies and clients use: does the caller hold this permission in this organization? False when deactivated or outside the IP allowlist.';
revoke execute on function rolecall.has_permission(uuid, text) from public;
grant execute on function rolecall.has_permission(uuid, text) to authenticated, service_role;

create function rolecall_private.granted_resource_ids(p_type text) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(g.resource_id), '{}')
      from rolecall.members m
      join rolecall.resource_grants g on g.member_id = m.id and g.resource_type = p_type
     where m.user_id = auth.uid()
       and m.organization_id = any (rolecall_private.my_organization_ids()));
end;
$$;
comment on function rolecall_private.granted_resource_ids(text) is 'Ids of the resources of one type granted to the caller in any organization where it is active.';
revoke execute on function rolecall_private.granted_resource_ids(text) from public;
grant execute on function rolecall_private.granted_resource_ids(text) to authenticated, service_role;

create function rolecall.granted_resource_ids(p_type text) returns text[]
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return rolecall_private.granted_resource_ids(p_type);
end;
$$;
comment on function rolecall.granted_resource_ids(text) is 'For vendors'' RLS policies: `id::text = any ((select rolecall.granted_resource_ids(''project''))::text[])`, once per statement.';
revoke execute on function rolecall.granted_resource_ids(text) from public;
grant execute on function rolecall.granted_resource_ids(text) to authenticated, service_role;

create function rolecall_private.has_resource_access(p_org uuid, p_type text, p_id text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return rolecall_private.has_permission(p_org, p_type || 's.view_all')
      or exists (
        select 1 from rolecall.members m
          join rolecall.resource_grants g on g.member_id = m.id
         where m.organization_id = p_org
           and m.user_id = auth.uid()
           and p_org = any (rolecall_private.my_organization_ids())
           and g.resource_type = p_type
           and g.resource_id = p_id);
end;
$$;
comment on function rolecall_private.has_resource_access(uuid, text, text) is 'Whether the caller may reach one resource: a grant for it in that organization, or the <type>s.view_all permission.';
revoke execute on function rolecall_private.has_resource_access(uuid, text, text) from public;
grant execute on function rolecall_private.has_resource_access(uuid, text, text) to authenticated, service_role;

create function rolecall.has_resource_access(p_org uuid, p_type text, p_id text) returns boolean
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return rolecall_private.has_resource_access(p_org, p_type, p_id);
end;
$$;
comment on function rolecall.has_resource_access(uuid, text, text) is 'Access to one resource (project, budget, card): a grant for it, or the <type>s.view_all permission (all-permissions roles hold every permission).';
revoke execute on function rolecall.has_resource_access(uuid, text, text) from public;
grant execute on function rolecall.has_resource_access(uuid, text, text) to authenticated, service_role;

create function rolecall_private.invitation_visible(p_org uuid, p_email text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return p_email = lower(auth.email()) or rolecall_private.has_permission(p_org, 'members.invite');
end;
$$;
comment on function rolecall_private.invitation_visible(uuid, text) is 'Who may see an invitation: whoever may invite in its organization, and the invited email itself. The one rule behind the invitations policy and invitation_list''s names.';
revoke execute on function rolecall_private.invitation_visible(uuid, text) from public;
grant execute on function rolecall_private.invitation_visible(uuid, text) to authenticated, service_role;
