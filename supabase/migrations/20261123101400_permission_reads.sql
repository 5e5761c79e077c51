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
--   {"type": "policy", "policy_id", "policy_name"}        a policy of the role grants the key
--   {"type": "restriction", "policy_id", "policy_name", "permission_key"}
--                                                         a policy of the role restricts the key (or a page it
--                                                         requires): the role does not give it; only the
--                                                         member's own checkbox grant can
--   {"type": "grant" | "deny", "permission_key"}          the member's own checkbox (roles with member_overrides);
--                                                         a deny whose permission_key is another key is a
--                                                         deny of a page this key requires (it removes the key)
--   {"type": "implied", "by", "label_en", "label_uk"}     "implied by …": an action the member holds requires it
--   {"type": "always_on", "checkbox", "label_en", "label_uk"}  every active member holds it (Jusnote contacts)
--   {"type": "deactivated"} / {"type": "ip_not_allowed"}  why nothing is granted right now
--
-- Per-organization catalog: my_permissions lists the organization's catalog
-- (rolecall_private.organization_catalog: its template's sections plus every key its policies,
-- checkboxes and overrides use), not every key of the deployment; has_permission still answers for
-- any key (an all-permissions role holds every key, now and later). Operators read the whole catalog
-- in rolecall.permissions. member_checkboxes gives the product's checkboxes with their state.

-- functions

create function rolecall_private.permission_sources(p_member uuid, p_check_ip boolean)
returns table (permission_key text, granted boolean, sources jsonb)
language sql stable security definer set search_path = ''
as $$
  with member as (
    select m.id, m.organization_id, m.role_id, m.status, r.name as role_name, r.all_permissions, r.member_overrides,
           (not p_check_ip or rolecall_private.ip_allowed(m.ip_ranges)) as ip_ok
      from rolecall.members m
      join rolecall.roles r on r.id = m.role_id
     where m.id = p_member
  ),
  -- the member's own checkboxes, counted only where the role takes them (as in role_member_holds)
  overrides as (
    select o.permission_key, o.effect
      from member m join rolecall.member_overrides o on o.member_id = m.id
     where m.member_overrides and not m.all_permissions
  ),
  -- keys held directly (a policy or a grant) and not blocked by a deny of themselves or of a key they require
  effective as (
    select k.key
      from (select pp.permission_key as key
              from member m
              join rolecall.role_policies rp on rp.role_id = m.role_id
              join rolecall.policy_permissions pp on pp.policy_id = rp.policy_id and pp.effect = 'grant'
              -- not restricted by a policy of the role (resolved there)
              join rolecall_private.role_permissions rk on rk.role_id = m.role_id and rk.permission_key = pp.permission_key
             where not m.all_permissions
            union
            select o.permission_key from overrides o where o.effect = 'grant') k
     where not exists (
       select 1 from overrides d
        where d.effect = 'deny'
          and (d.permission_key = k.key
               or d.permission_key in (select c.requires_key from rolecall_private.permission_closure c where c.permission_key = k.key)))
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
                where rp.role_id = m.role_id and pp.permission_key = p.key and pp.effect = 'grant' and not m.all_permissions
               union all
               -- a policy of the role restricts the key, or a page it requires
               select 2, pol.name, jsonb_build_object('type', 'restriction', 'policy_id', pol.id, 'policy_name', pol.name, 'permission_key', pp.permission_key)
                 from rolecall.role_policies rp
                 join rolecall.policy_permissions pp on pp.policy_id = rp.policy_id and pp.effect = 'deny'
                 join rolecall.policies pol on pol.id = rp.policy_id
                where rp.role_id = m.role_id and not m.all_permissions
                  and (pp.permission_key = p.key
                       or pp.permission_key in (select c.requires_key from rolecall_private.permission_closure c where c.permission_key = p.key))
               union all
               select 3, o.effect::text, jsonb_build_object('type', o.effect::text, 'permission_key', o.permission_key)
                 from overrides o
                where o.permission_key = p.key
               union all
               -- a deny of a page this key requires removes the key too
               select 4, o.permission_key, jsonb_build_object('type', 'deny', 'permission_key', o.permission_key)
                 from overrides o
                 join rolecall_private.permission_closure c on c.permission_key = p.key and c.requires_key = o.permission_key
                where o.effect = 'deny'
               union all
               select 5, e.key, jsonb_build_object('type', 'implied', 'by', e.key, 'label_en', q.label_en, 'label_uk', q.label_uk)
                 from effective e
                 join rolecall_private.permission_closure c on c.permission_key = e.key and c.requires_key = p.key
                 join rolecall.permissions q on q.key = e.key
               union all
               select 6, cb.key, jsonb_build_object('type', 'always_on', 'checkbox', cb.key, 'label_en', cb.label_en, 'label_uk', cb.label_uk)
                 from rolecall.checkbox_permissions cp
                 join rolecall.checkboxes cb on cb.organization_id = cp.organization_id and cb.key = cp.checkbox_key
                where cp.organization_id = m.organization_id and cp.permission_key = p.key and cb.always_on and not m.all_permissions
               union all
               select 7, '', jsonb_build_object('type', 'deactivated') where m.status <> 'active'
               union all
               select 8, '', jsonb_build_object('type', 'ip_not_allowed') where not m.ip_ok
             ) s
         ), '[]'::jsonb)
    from member m
    cross join rolecall.permissions p
$$;
comment on function rolecall_private.permission_sources(uuid, boolean) is 'For one member, every catalog permission with granted (role_member_holds, status and, if p_check_ip, the current request''s IP) and the list of reasons: all-permissions role, policies, own checkboxes, denies of required pages, "implied by" actions, always-on checkboxes, blocks. The one source of my_permissions, explain_permission and member_checkboxes.';
revoke execute on function rolecall_private.permission_sources(uuid, boolean) from public;

create function rolecall_private.organization_catalog(p_org uuid) returns text[]
language sql stable security definer set search_path = ''
as $$
  with used as (
    select pp.permission_key as key from rolecall.policy_permissions pp where pp.organization_id = p_org
    union
    select cp.permission_key from rolecall.checkbox_permissions cp where cp.organization_id = p_org
    union
    select o.permission_key from rolecall.member_overrides o where o.organization_id = p_org
  )
  select coalesce(array_agg(k.key order by k.key), '{}')
    from (
      select p.key
        from rolecall.organizations o
        join rolecall.templates t on t.key = o.template
        join rolecall.permissions p on cardinality(t.sections) = 0 or p.section = any (t.sections)
       where o.id = p_org
      union
      select u.key from used u
      union
      -- a key in use brings the pages it requires
      select c.requires_key from used u join rolecall_private.permission_closure c on c.permission_key = u.key
    ) k
$$;
comment on function rolecall_private.organization_catalog(uuid) is 'The permission keys an organization shows: its template''s sections (templates.sections; all when empty) plus every key its policies, checkboxes and overrides use, and the keys those require. What my_permissions lists; has_permission still answers for any key.';
revoke execute on function rolecall_private.organization_catalog(uuid) from public;

create function rolecall_private.checkbox_states(p_member uuid, p_check_ip boolean)
returns table (
  member_id uuid, organization_id uuid, key text, section text, label_en text, label_uk text,
  description_en text, description_uk text, "position" integer, role_id uuid, always_on boolean,
  permission_keys text[], state text, ticked boolean
)
language sql stable security definer set search_path = ''
as $$
  with member as (
    select m.id, m.organization_id, m.role_id from rolecall.members m where m.id = p_member
  ),
  held as (
    select s.permission_key, s.granted from rolecall_private.permission_sources(p_member, p_check_ip) s
  )
  select m.id, cb.organization_id, cb.key, cb.section, cb.label_en, cb.label_uk, cb.description_en, cb.description_uk,
         cb.position, cb.role_id, cb.always_on, k.keys,
         case
           when cb.always_on then 'always_on'
           when cb.role_id is not null then case when cb.role_id = m.role_id then 'on' else 'off' end
           when k.held = k.total then 'on'
           when k.held = 0 then 'off'
           else 'partial'
         end,
         case
           when cb.role_id is not null then cb.role_id = m.role_id
           else k.total > 0 and k.ticked = k.total
         end
    from member m
    join rolecall.checkboxes cb on cb.organization_id = m.organization_id
    cross join lateral (
      select coalesce(array_agg(cp.permission_key order by cp.permission_key), '{}') as keys,
             count(*) as total,
             count(*) filter (where h.granted) as held,
             count(*) filter (where o.effect = 'grant') as ticked
        from rolecall.checkbox_permissions cp
        left join held h on h.permission_key = cp.permission_key
        left join rolecall.member_overrides o on o.member_id = m.id and o.permission_key = cp.permission_key
       where cp.organization_id = cb.organization_id and cp.checkbox_key = cb.key
    ) k
$$;
comment on function rolecall_private.checkbox_states(uuid, boolean) is 'For one member, each checkbox of its organization with the product''s labels and: state (on = every key held, as permission_sources decides; off; partial; always_on; a role box is on when the member has that role) and ticked (what the checkbox editor shows: the member''s own grants cover the box, or the member has the box''s role).';
revoke execute on function rolecall_private.checkbox_states(uuid, boolean) from public;

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
  granted boolean, sources jsonb, checkboxes text[]
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
    select p.key, p.section, p.kind, p.label_en, p.label_uk, s.granted, s.sources,
           array(select cp.checkbox_key from rolecall.checkbox_permissions cp
                  where cp.organization_id = p_org and cp.permission_key = p.key order by cp.checkbox_key)
      from rolecall_private.permission_sources(v_member, true) s
      join rolecall.permissions p on p.key = s.permission_key
      join rolecall.permission_sections ps on ps.key = p.section
     where p.key = any (rolecall_private.organization_catalog(p_org))
     order by ps.position, ps.key, p.position, p.key;
end;
$$;
comment on function rolecall.my_permissions(uuid) is 'The caller''s permissions in an organization, one row per permission of the organization''s catalog (its template''s sections and the keys it uses, rolecall_private.organization_catalog), grouped by section: granted (as has_permission decides it for this request), sources (why) and checkboxes (the keys of the organization''s checkboxes that stand for it; labels in member_checkboxes). A deactivated member or one outside its allowlist sees every row denied with that reason.';
revoke execute on function rolecall.my_permissions(uuid) from public;
grant execute on function rolecall.my_permissions(uuid) to authenticated;

create function rolecall_private.readable_member(p_org uuid, p_user uuid, p_what text) returns rolecall.members
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_member rolecall.members;
begin
  if auth.uid() is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  if not exists (select 1 from rolecall.members m where m.organization_id = p_org and m.user_id = auth.uid()) then
    raise exception 'You are not a member of this organization' using errcode = 'RC102', detail = format('organization %s', p_org);
  end if;
  if p_user is distinct from auth.uid() and not rolecall_private.has_permission(p_org, 'members.edit_permissions') then
    raise exception 'You need the permission "members.edit_permissions" to see %', p_what
      using errcode = 'RC103', detail = 'members.edit_permissions';
  end if;
  select * into v_member from rolecall.members m where m.organization_id = p_org and m.user_id = p_user;
  if v_member.id is null then
    raise exception 'That user is not a member of this organization' using errcode = 'RC306', detail = format('user %s', p_user);
  end if;
  return v_member;
end;
$$;
comment on function rolecall_private.readable_member(uuid, uuid, text) is 'The member row of p_user in p_org when the caller may read its permissions: anyone their own (even deactivated: "why can''t I"), others with members.edit_permissions (RC103); RC101 signed out, RC102 not a member, RC306 no such member. p_what names the read in the refusal.';
revoke execute on function rolecall_private.readable_member(uuid, uuid, text) from public;

create function rolecall.explain_permission(p_org uuid, p_user uuid, p_key text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_self boolean := p_user is not distinct from auth.uid();
  v_member rolecall.members;
  v_role rolecall.roles;
  v_result jsonb;
begin
  v_member := rolecall_private.readable_member(p_org, p_user, 'why others hold a permission');
  if not exists (select 1 from rolecall.permissions p where p.key = p_key)
     and not exists (select 1 from rolecall.checkboxes cb where cb.organization_id = p_org and cb.key = p_key) then
    raise exception 'Unknown permission or checkbox "%"', p_key using errcode = 'RC301', detail = p_key;
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
  if v_result is null then
    -- a checkbox of the organization: its state and the explanation of each key it stands for
    select jsonb_build_object(
             'organization_id', p_org, 'user_id', p_user, 'member_id', v_member.id, 'key', p_key,
             'checkbox', to_jsonb(c) - 'organization_id' - 'member_id',
             'granted', c.state in ('on', 'always_on'),
             'role', jsonb_build_object('id', v_role.id, 'name', v_role.name, 'all_permissions', v_role.all_permissions),
             'status', v_member.status, 'is_primary', v_member.is_primary,
             'ip_allowlist', to_jsonb(v_member.ip_allowlist::text[]), 'ip_checked', v_self,
             'permissions', coalesce((
               select jsonb_agg(jsonb_build_object('key', s.permission_key, 'granted', s.granted, 'sources', s.sources) order by s.permission_key)
                 from rolecall_private.permission_sources(v_member.id, v_self) s
                where s.permission_key = any (c.permission_keys)), '[]'::jsonb))
      into v_result
      from rolecall_private.checkbox_states(v_member.id, v_self) c
     where c.key = p_key;
  end if;
  return v_result;
end;
$$;
comment on function rolecall.explain_permission(uuid, uuid, text) is 'Why a member holds (or lacks) one permission, or one checkbox of the organization (then: its state and each of its keys explained): granted and the same sources as my_permissions. Anyone may explain themselves; explaining others needs members.edit_permissions (RC103). For others the IP allowlist is listed but not applied (ip_checked = false).';
revoke execute on function rolecall.explain_permission(uuid, uuid, text) from public;
grant execute on function rolecall.explain_permission(uuid, uuid, text) to authenticated;

create function rolecall.member_checkboxes(p_org uuid, p_user uuid default null)
returns table (
  key text, section text, label_en text, label_uk text, description_en text, description_uk text,
  "position" integer, role_id uuid, always_on boolean, permission_keys text[], state text, ticked boolean
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_user uuid := coalesce(p_user, auth.uid());
  v_self boolean := v_user is not distinct from auth.uid();
  v_member uuid;
begin
  v_member := (rolecall_private.readable_member(p_org, v_user, 'others'' checkboxes')).id;
  return query
    select c.key, c.section, c.label_en, c.label_uk, c.description_en, c.description_uk, c.position, c.role_id,
           c.always_on, c.permission_keys, c.state, c.ticked
      from rolecall_private.checkbox_states(v_member, v_self) c
     order by c.position, c.key;
end;
$$;
comment on function rolecall.member_checkboxes(uuid, uuid) is 'The product''s checkboxes for a member (default: the caller), with the product''s labels (en, uk), section and order, the catalog keys each stands for, state (on / off / partial / always_on, as has_permission decides) and ticked (what the checkbox editor shows). Empty where the organization has no checkboxes (blank template: use my_permissions and catalog keys). Others'' checkboxes need members.edit_permissions (RC103); for others the IP allowlist is not applied.';
revoke execute on function rolecall.member_checkboxes(uuid, uuid) from public;
grant execute on function rolecall.member_checkboxes(uuid, uuid) to authenticated;
