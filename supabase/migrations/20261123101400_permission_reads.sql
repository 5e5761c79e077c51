-- "What may I do, and why": the read functions behind the my-permissions view, the extension popup
-- and the admin's permission explanation.
--   my_organizations()                  every organization where the caller has a member row, with
--                                       why it may be blocked there (deactivated / ip_not_allowed)
--   my_permissions(org)                 one row per catalog permission: granted, and every reason
--   explain_permission(org, user, key)  the same reasons for one member and key (admins, or oneself)
-- The reasons come from ONE function, rolecall_private.permission_sources, and `granted` is
-- rolecall_private.role_member_holds itself (plus status and IP), so the explanation cannot drift
-- from the rule that has_permission and every RLS policy apply. tests/db/permission-reads.test.ts
-- compares has_permission with my_permissions.granted for every seeded member and key.
--
-- Shape of a source (jsonb objects in `sources`, in this order):
--   {"type": "all_permissions", "role_id", "role_name"}   the role holds every permission
--   {"type": "policy", "policy_id", "policy_name"}        a policy of the role contains the key
--   {"type": "grant"} / {"type": "deny"}                  the member's own checkbox (roles with member_overrides)
--   {"type": "deactivated"} / {"type": "ip_not_allowed"}  why nothing is granted right now

-- functions

create function rolecall_private.permission_sources(p_member uuid, p_check_ip boolean)
returns table (permission_key text, granted boolean, sources jsonb)
language sql stable security definer set search_path = ''
as $$
  with member as (
    select m.id, m.role_id, m.status, r.name as role_name, r.all_permissions, r.member_overrides,
           (not p_check_ip or rolecall_private.ip_allowed(m.ip_ranges)) as ip_ok
      from rolecall.members m
      join rolecall.roles r on r.id = m.role_id
     where m.id = p_member
  )
  select p.key,
         m.status = 'active' and m.ip_ok and rolecall_private.role_member_holds(m.id, m.role_id, p.key),
         coalesce((
           select jsonb_agg(s.source order by s.ord, s.name)
             from (
               select 1 as ord, '' as name,
                      jsonb_build_object('type', 'all_permissions', 'role_id', m.role_id, 'role_name', m.role_name) as source
                where m.all_permissions
               union all
               select 2, pol.name, jsonb_build_object('type', 'policy', 'policy_id', pol.id, 'policy_name', pol.name)
                 from rolecall.role_policies rp
                 join rolecall.policy_permissions pp on pp.policy_id = rp.policy_id
                 join rolecall.policies pol on pol.id = rp.policy_id
                where rp.role_id = m.role_id and pp.permission_key = p.key and not m.all_permissions
               union all
               -- checkboxes count only where the role takes them, exactly as in role_member_holds
               select 3, o.effect::text, jsonb_build_object('type', o.effect::text)
                 from rolecall.member_overrides o
                where o.member_id = m.id and o.permission_key = p.key and m.member_overrides and not m.all_permissions
               union all
               select 4, '', jsonb_build_object('type', 'deactivated') where m.status <> 'active'
               union all
               select 5, '', jsonb_build_object('type', 'ip_not_allowed') where not m.ip_ok
             ) s
         ), '[]'::jsonb)
    from member m
    cross join rolecall.permissions p
$$;
comment on function rolecall_private.permission_sources(uuid, boolean) is 'For one member, every catalog permission with granted (role_member_holds, status and, if p_check_ip, the current request''s IP) and the list of reasons. The one source of my_permissions and explain_permission.';
revoke execute on function rolecall_private.permission_sources(uuid, boolean) from public;

create function rolecall.my_organizations()
returns table (
  organization_id uuid, name text, template text, admin_mode rolecall.admin_mode,
  member_id uuid, role_id uuid, role_name text, is_primary boolean, status rolecall.member_status,
  ip_allowed boolean, blocked text
)
language sql stable security definer set search_path = ''
as $$
  select o.id, o.name, o.template, o.admin_mode, m.id, r.id, r.name, m.is_primary, m.status,
         x.ip_allowed,
         case when m.status <> 'active' then 'deactivated' when not x.ip_allowed then 'ip_not_allowed' end
    from rolecall.members m
    join rolecall.organizations o on o.id = m.organization_id
    join rolecall.roles r on r.id = m.role_id
    cross join lateral (select rolecall_private.ip_allowed(m.ip_ranges) as ip_allowed) x
   where m.user_id = (select auth.uid())
   order by lower(o.name), o.id
$$;
comment on function rolecall.my_organizations() is 'Every organization where the caller has a member row, even when blocked: role, primary, status, whether this request''s IP is allowed, and blocked = null | deactivated | ip_not_allowed (the RLS-visible organizations are only the unblocked ones).';
revoke execute on function rolecall.my_organizations() from public;
grant execute on function rolecall.my_organizations() to authenticated;

create function rolecall.my_permissions(p_org uuid)
returns table (
  key text, section text, kind rolecall.permission_kind, label_en text, label_uk text,
  granted boolean, sources jsonb
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_member uuid;
begin
  if auth.uid() is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  select m.id into v_member from rolecall.members m where m.organization_id = p_org and m.user_id = auth.uid();
  if v_member is null then
    raise exception 'You are not a member of this organization' using errcode = 'RC102', detail = format('organization %s', p_org);
  end if;
  return query
    select p.key, p.section, p.kind, p.label_en, p.label_uk, s.granted, s.sources
      from rolecall_private.permission_sources(v_member, true) s
      join rolecall.permissions p on p.key = s.permission_key
      join rolecall.permission_sections ps on ps.key = p.section
     order by ps.position, ps.key, p.position, p.key;
end;
$$;
comment on function rolecall.my_permissions(uuid) is 'The caller''s permissions in an organization, one row per catalog permission, grouped by section: granted (as has_permission decides it for this request) and sources (why). A deactivated member or one outside its allowlist sees every row denied with that reason.';
revoke execute on function rolecall.my_permissions(uuid) from public;
grant execute on function rolecall.my_permissions(uuid) to authenticated;

create function rolecall.explain_permission(p_org uuid, p_user uuid, p_key text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_self boolean := p_user is not distinct from auth.uid();
  v_member rolecall.members;
  v_role rolecall.roles;
  v_result jsonb;
begin
  if auth.uid() is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  if not exists (select 1 from rolecall.members m where m.organization_id = p_org and m.user_id = auth.uid()) then
    raise exception 'You are not a member of this organization' using errcode = 'RC102', detail = format('organization %s', p_org);
  end if;
  if not v_self and not rolecall_private.has_permission(p_org, 'members.edit_permissions') then
    raise exception 'You need the permission "members.edit_permissions" to see why others hold a permission'
      using errcode = 'RC103', detail = 'members.edit_permissions';
  end if;
  if not exists (select 1 from rolecall.permissions p where p.key = p_key) then
    raise exception 'Unknown permission "%"', p_key using errcode = 'RC301', detail = p_key;
  end if;
  select * into v_member from rolecall.members m where m.organization_id = p_org and m.user_id = p_user;
  if v_member.id is null then
    raise exception 'That user is not a member of this organization' using errcode = 'RC306', detail = format('user %s', p_user);
  end if;
  v_role := rolecall_private.role_in(p_org, v_member.role_id);
  -- NOTE: another member's request address is unknown here, so their allowlist is shown, not applied.
  select jsonb_build_object(
           'organization_id', p_org, 'user_id', p_user, 'member_id', v_member.id, 'key', p_key,
           'granted', s.granted, 'sources', s.sources,
           'role', jsonb_build_object('id', v_role.id, 'name', v_role.name, 'all_permissions', v_role.all_permissions),
           'status', v_member.status, 'is_primary', v_member.is_primary,
           'ip_allowlist', to_jsonb(v_member.ip_allowlist::text[]), 'ip_checked', v_self)
    into v_result
    from rolecall_private.permission_sources(v_member.id, v_self) s
   where s.permission_key = p_key;
  return v_result;
end;
$$;
comment on function rolecall.explain_permission(uuid, uuid, text) is 'Why a member holds (or lacks) one permission: granted and the same sources as my_permissions. Anyone may explain themselves; explaining others needs members.edit_permissions (RC103). For others the IP allowlist is listed but not applied (ip_checked = false).';
revoke execute on function rolecall.explain_permission(uuid, uuid, text) from public;
grant execute on function rolecall.explain_permission(uuid, uuid, text) to authenticated;
