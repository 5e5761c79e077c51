-- "Why not?": for a permission the caller lacks, what in the organization would grant it and who
-- could give it to them (the extension popup's "ask someone" list).
--   rolecall.who_can_grant(org, key) -> jsonb
--     { key, label_en, label_uk, granted,
--       ways: { roles: [{id, name}], policies: [{id, name, roles: [name]}],
--               checkboxes: [{key, label_en, label_uk}], implied_by: [{key, label_en, label_uk}] },
--       grantors: [{member_id, user_id, display_name, email, role_name, is_primary, can: ['tick' | 'change_role']}] }
--
-- Every answer comes from the rule the writes apply, never from a second copy of it:
--   granted      rolecall_private.has_permission, as every RLS policy decides it for this request;
--   ways.roles   rolecall_private.role_member_holds for a member of the role without checkboxes
--                (all-permissions roles, policies not restricted, implications, always-on keys);
--   grantors     the guards of the write each grantor would run, called on the caller as the target:
--                'tick'        = set_member_overrides granting the key: members.edit_permissions,
--                                assert_can_manage (never oneself, never the primary, only ranked below),
--                                assert_checkboxes_fit (the caller's role takes checkboxes),
--                                assert_holds_all (the grantor holds the key itself);
--                'change_role' = change_member_role to a role of ways.roles other than the caller's:
--                                members.change_role, assert_can_manage, assert_can_assign,
--                                assert_not_single_admin_role, assert_owner_room.
--                A guard's refusal (its SQLSTATE) means "cannot", so the list shows only members whose
--                call would be accepted. Another member's IP allowlist cannot be checked here (their
--                request address is unknown), as in explain_permission.
-- Grantors are the organization's active members other than the caller, the primary first, then by
-- name, at most 20: the popup names a few people to ask, not the whole team. A blocked caller
-- (deactivated, or outside their IP allowlist) gets none: RLS hides the other members from them, and
-- this definer function must not name people RLS would not show (the popup already says why they are
-- blocked and what would lift it).

-- functions

create function rolecall_rpc.who_can_grant(p_org uuid, p_key text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  -- RC101 signed out, RC102 not a member; one's own row even when deactivated ("why can't I")
  v_me rolecall.members := rolecall_private.readable_member(p_org, auth.uid(), 'who can grant a permission');
  v_my_role rolecall.roles := rolecall_private.role_in(p_org, v_me.role_id);
  v_permission rolecall.permissions;
  v_holding rolecall.roles[];
  v_role rolecall.roles;
  v_grantor rolecall.members;
  v_can text[];
  v_grantors jsonb := '[]';
begin
  select * into v_permission from rolecall.permissions p where p.key = p_key;
  if v_permission.key is null then
    raise exception 'Unknown permission "%"', p_key using errcode = 'RC301', detail = p_key;
  end if;

  -- NOTE: a null member has no checkboxes, so this asks what the role itself gives (the one rule).
  v_holding := array(
    select r from rolecall.roles r
     where r.organization_id = p_org and rolecall_private.role_member_holds(null, r.id, p_key)
     order by r.rank desc, r.name, r.id);

  for v_grantor in
    select m.* from rolecall.members m
     where m.organization_id = p_org and m.status = 'active' and m.id <> v_me.id
       and v_me.status = 'active' and rolecall_private.ip_allowed(v_me.ip_ranges)
       -- only roles where someone may hold a team permission at all: through the role, or a checkbox
       and m.role_id in (
         select r.id from rolecall.roles r
          where r.organization_id = p_org
            and (r.member_overrides
                 or rolecall_private.role_member_holds(null, r.id, 'members.edit_permissions')
                 or rolecall_private.role_member_holds(null, r.id, 'members.change_role')))
     order by m.is_primary desc, lower(coalesce(nullif(m.display_name, ''), m.email)), m.id
  loop
    v_can := '{}';
    if rolecall_private.role_member_holds(v_grantor.id, v_grantor.role_id, 'members.edit_permissions') then
      begin
        perform rolecall_private.assert_can_manage(v_grantor, v_me);
        perform rolecall_private.assert_checkboxes_fit(v_my_role, array[p_key], '{}');
        perform rolecall_private.assert_holds_all(v_grantor, array[p_key]);
        v_can := v_can || 'tick'::text;
      exception when sqlstate 'RC104' or sqlstate 'RC105' or sqlstate 'RC106' or sqlstate 'RC107' or sqlstate 'RC109' then
        null;
      end;
    end if;
    if rolecall_private.role_member_holds(v_grantor.id, v_grantor.role_id, 'members.change_role') then
      begin
        perform rolecall_private.assert_can_manage(v_grantor, v_me);
        foreach v_role in array v_holding loop
          continue when v_role.id = v_me.role_id;
          begin
            perform rolecall_private.assert_can_assign(v_grantor, v_role);
            perform rolecall_private.assert_not_single_admin_role(v_role);
            perform rolecall_private.assert_owner_room(v_role, v_me);
            v_can := v_can || 'change_role'::text;
            exit;
          exception when sqlstate 'RC104' or sqlstate 'RC108' or sqlstate 'RC206' then
            null;
          end;
        end loop;
      exception when sqlstate 'RC104' or sqlstate 'RC105' or sqlstate 'RC106' then
        null;
      end;
    end if;
    continue when cardinality(v_can) = 0;
    v_grantors := v_grantors || jsonb_build_object(
      'member_id', v_grantor.id, 'user_id', v_grantor.user_id, 'display_name', v_grantor.display_name,
      'email', v_grantor.email, 'role_name', (select r.name from rolecall.roles r where r.id = v_grantor.role_id),
      'is_primary', v_grantor.is_primary, 'can', to_jsonb(v_can));
    exit when jsonb_array_length(v_grantors) >= 20;
  end loop;

  return jsonb_build_object(
    'key', v_permission.key, 'label_en', v_permission.label_en, 'label_uk', v_permission.label_uk,
    'granted', rolecall_private.has_permission(p_org, p_key),
    'ways', jsonb_build_object(
      'roles', coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name) order by r.rank desc, r.name, r.id)
                           from unnest(v_holding) r), '[]'),
      'policies', coalesce((
        select jsonb_agg(jsonb_build_object(
                 'id', pol.id, 'name', pol.name,
                 'roles', coalesce((select jsonb_agg(r.name order by r.rank desc, r.name)
                                      from rolecall.role_policies rp join rolecall.roles r on r.id = rp.role_id
                                     where rp.policy_id = pol.id), '[]'))
                 order by lower(pol.name), pol.id)
          from rolecall.policies pol
         where pol.organization_id = p_org
           and exists (select 1 from rolecall.policy_permissions pp
                        where pp.policy_id = pol.id and pp.permission_key = p_key and pp.effect = 'grant')), '[]'),
      'checkboxes', coalesce((
        select jsonb_agg(jsonb_build_object('key', cb.key, 'label_en', cb.label_en, 'label_uk', cb.label_uk) order by cb.position, cb.key)
          from rolecall.checkboxes cb
         where cb.organization_id = p_org
           and exists (select 1 from rolecall.checkbox_permissions cp
                        where cp.organization_id = p_org and cp.checkbox_key = cb.key and cp.permission_key = p_key)), '[]'),
      -- actions that bring the key ("an action brings the page it needs"), as far as the organization shows them
      'implied_by', coalesce((
        select jsonb_agg(jsonb_build_object('key', q.key, 'label_en', q.label_en, 'label_uk', q.label_uk) order by q.key)
          from rolecall_private.permission_closure c
          join rolecall.permissions q on q.key = c.permission_key
         where c.requires_key = p_key and q.key = any (rolecall_private.organization_catalog(p_org))), '[]')),
    'grantors', v_grantors);
end;
$$;
comment on function rolecall_rpc.who_can_grant(uuid, text) is 'For a permission (RC301 unknown), what would give it to the caller and who could: granted (as has_permission decides for this request); ways: the organization''s roles that hold it, its policies that grant it (with their roles), its checkboxes that stand for it, the actions that imply it; grantors: up to 20 active members other than the caller (the primary first, then by name; none for a blocked caller, from whom RLS hides the members) whose set_member_overrides (can ''tick'') or change_member_role to one of those roles (can ''change_role'') would be accepted for the caller, as the guards of those writes decide. Any member for their own organization (RC101 signed out, RC102 not a member).';
revoke execute on function rolecall_rpc.who_can_grant(uuid, text) from public;
grant execute on function rolecall_rpc.who_can_grant(uuid, text) to authenticated;

-- NOTE: written out by hand, as 20261130100100 generates them for the RPCs before it: the same
-- name, arguments, result, volatility, comment and grants, SECURITY INVOKER, only calling the body.
create function rolecall.who_can_grant(p_org uuid, p_key text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return rolecall_rpc.who_can_grant($1, $2);
end;
$$;
comment on function rolecall.who_can_grant(uuid, text) is 'For a permission (RC301 unknown), what would give it to the caller and who could: granted (as has_permission decides for this request); ways: the organization''s roles that hold it, its policies that grant it (with their roles), its checkboxes that stand for it, the actions that imply it; grantors: up to 20 active members other than the caller (the primary first, then by name; none for a blocked caller, from whom RLS hides the members) whose set_member_overrides (can ''tick'') or change_member_role to one of those roles (can ''change_role'') would be accepted for the caller, as the guards of those writes decide. Any member for their own organization (RC101 signed out, RC102 not a member).';
revoke execute on function rolecall.who_can_grant(uuid, text) from public;
grant execute on function rolecall.who_can_grant(uuid, text) to authenticated;
