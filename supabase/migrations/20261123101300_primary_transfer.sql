-- Moving primary status (invariants 1, 3 and 5 of the design).
--   transfer_primary(member): the primary hands its protection to another active member, who joins
--     the primary's all-permissions role if not already in one; the old primary keeps its role.
--   promote_to_admin(member): single-admin mode (Paycove). Only the Admin (= the primary) may; the
--     target becomes the Admin and the primary, the old Admin drops to the highest role below the
--     Admin role, in one transaction. transfer_primary in single mode does exactly this.
--   preview_promote_to_admin(member): the same checks and plan, nothing written, for the UI's
--     confirmation modal.
-- The deferred primary-member check (RC201) runs at commit, so the steps below may pass through a
-- moment with no primary; the unique index on is_primary is not deferrable, so the old primary is
-- always cleared before the new one is set, and the old Admin leaves a max_members = 1 Admin role
-- before the new one enters it.
-- Who may call what: transfer_primary and promote_to_admin only through their edge functions
-- (transfer-admin asks for the password again, both email the admins), i.e. the service-role
-- entry points transfer_primary_as / promote_to_admin_as; a direct call would skip both promises.
-- preview_promote_to_admin changes nothing and promises nothing, so signed-in users call it directly.
-- Error codes: RC105 transfer_primary by anyone but the primary · RC108 promotion by anyone but the
-- Admin · RC308 promote_to_admin in a multi-admin organization · RC201 an inactive target · RC106
-- oneself · RC306 no role below the Admin role to demote into · RC206 the owner role is full (Profit:
-- "contact support if you need to change this or add multiple owners").
-- Profit's Owner is an all-permissions role with max_members = 1 in a multi-admin organization. Only
-- operators can lift that limit (the role is not editable), so when the Owner hands over primary
-- status or gives someone the Owner role, the refusal says to contact support (RC206) rather than the
-- generic "role full" (RC203); operators use rolecall.ops_add_owner / ops_transfer_ownership.

-- types

create type rolecall_private.promotion_plan as (
  organization_id uuid,
  old_admin rolecall.members,
  new_admin rolecall.members,
  admin_role rolecall.roles,
  demote_role rolecall.roles
);
comment on type rolecall_private.promotion_plan is 'What a single-admin promotion will do: who leaves and who enters the Admin role, and the role the old Admin drops to.';

-- functions

create function rolecall_private.assert_owner_room(p_role rolecall.roles, p_member rolecall.members) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_role.all_permissions
     and p_role.max_members is not null
     and p_member.role_id is distinct from p_role.id
     and (select o.admin_mode from rolecall.organizations o where o.id = p_role.organization_id) = 'multi'
     and (select count(*) from rolecall.members m where m.role_id = p_role.id) >= p_role.max_members then
    raise exception 'Role "%" holds at most % member(s): contact support to change this or add owners', p_role.name, p_role.max_members
      using errcode = 'RC206', detail = format('role %s', p_role.id),
            hint = 'Operators: rolecall.ops_add_owner or rolecall.ops_transfer_ownership.';
  end if;
end;
$$;
comment on function rolecall_private.assert_owner_room(rolecall.roles, rolecall.members) is 'Profit "contact support if you need to change this or add multiple owners": a full all-permissions role with a member limit in a multi-admin organization takes nobody new except through an operator (RC206). The members trigger still enforces max_members for everyone (RC203).';
revoke execute on function rolecall_private.assert_owner_room(rolecall.roles, rolecall.members) from public;

create function rolecall_private.role_below(p_role rolecall.roles) returns rolecall.roles
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_role rolecall.roles;
begin
  select * into v_role from rolecall.roles r
   where r.organization_id = p_role.organization_id and r.rank < p_role.rank
   order by r.rank desc, r.is_default desc, r.created_at, r.id
   limit 1;
  if v_role.id is null then
    raise exception 'There is no role ranked below "%" to move the current Admin to', p_role.name
      using errcode = 'RC306', detail = format('role %s', p_role.id);
  end if;
  return v_role;
end;
$$;
comment on function rolecall_private.role_below(rolecall.roles) is 'The highest-ranked role below the given one (ties: the default role first): where a replaced Admin or owner goes (RC306 if none).';
revoke execute on function rolecall_private.role_below(rolecall.roles) from public;

create function rolecall_private.assert_can_take_primary(p_target rolecall.members) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_target.status <> 'active' then
    raise exception 'Only an active member can become the primary member; reactivate them first'
      using errcode = 'RC201', detail = format('member %s', p_target.id);
  end if;
end;
$$;
comment on function rolecall_private.assert_can_take_primary(rolecall.members) is 'Invariant 1 checked up front with a clear message: the new primary must be active (RC201).';
revoke execute on function rolecall_private.assert_can_take_primary(rolecall.members) from public;

create function rolecall_private.plan_promotion(p_member uuid) returns rolecall_private.promotion_plan
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.actor(v_org);
  v_target rolecall.members;
  v_plan rolecall_private.promotion_plan;
begin
  if (select o.admin_mode from rolecall.organizations o where o.id = v_org) <> 'single' then
    raise exception 'This organization has several admins; use change_member_role or transfer_primary'
      using errcode = 'RC308', detail = format('organization %s', v_org);
  end if;
  if not v_actor.is_primary then
    raise exception 'Only the Admin can promote someone to Admin' using errcode = 'RC108', detail = format('member %s', v_actor.id);
  end if;
  v_target := rolecall_private.member_in(v_org, p_member);
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  perform rolecall_private.assert_can_take_primary(v_target);
  v_plan.organization_id := v_org;
  v_plan.old_admin := v_actor;
  v_plan.new_admin := v_target;
  v_plan.admin_role := rolecall_private.role_in(v_org, v_actor.role_id);
  v_plan.demote_role := rolecall_private.role_below(v_plan.admin_role);
  return v_plan;
end;
$$;
comment on function rolecall_private.plan_promotion(uuid) is 'Locks the organization and checks a single-admin promotion by the caller (RC308 not single mode, RC108 not the Admin, RC106/RC201 bad target); returns the plan. Shared by promote_to_admin and its preview.';
revoke execute on function rolecall_private.plan_promotion(uuid) from public;

create function rolecall.promote_to_admin(p_member uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_plan rolecall_private.promotion_plan := rolecall_private.plan_promotion(p_member);
begin
  perform rolecall_private.audit_as('members.promote_to_admin');
  update rolecall.members m set is_primary = false where m.id = (v_plan.old_admin).id;
  perform rolecall_private.move_to_role((v_plan.old_admin).id, v_plan.demote_role);
  perform rolecall_private.move_to_role((v_plan.new_admin).id, v_plan.admin_role);
  update rolecall.members m set is_primary = true where m.id = (v_plan.new_admin).id;
  return (select m from rolecall.members m where m.id = (v_plan.new_admin).id);
end;
$$;
comment on function rolecall.promote_to_admin(uuid) is 'Single-admin mode: the Admin makes another active member the Admin (and primary); the old Admin drops to the highest role below, in the same transaction. Only the Admin may (RC108). Reached only through promote_to_admin_as (the promote-admin function, which emails the admins).';
revoke execute on function rolecall.promote_to_admin(uuid) from public, anon, authenticated;

create function rolecall.preview_promote_to_admin(p_member uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
-- NOTE: volatile although it writes nothing: plan_promotion locks the organization row (FOR UPDATE),
-- which PostgREST would refuse inside the read-only transaction it gives stable functions.
declare
  v_plan rolecall_private.promotion_plan := rolecall_private.plan_promotion(p_member);
  v_old_role rolecall.roles := rolecall_private.role_in(v_plan.organization_id, (v_plan.new_admin).role_id);
begin
  return jsonb_build_object(
    'organization_id', v_plan.organization_id,
    'new_admin', jsonb_build_object(
      'member_id', (v_plan.new_admin).id, 'user_id', (v_plan.new_admin).user_id,
      'email', (v_plan.new_admin).email, 'display_name', (v_plan.new_admin).display_name,
      'role_before', jsonb_build_object('id', v_old_role.id, 'name', v_old_role.name),
      'role_after', jsonb_build_object('id', (v_plan.admin_role).id, 'name', (v_plan.admin_role).name),
      'overrides_dropped', (select count(*) from rolecall.member_overrides o where o.member_id = (v_plan.new_admin).id)),
    'old_admin', jsonb_build_object(
      'member_id', (v_plan.old_admin).id, 'user_id', (v_plan.old_admin).user_id,
      'email', (v_plan.old_admin).email, 'display_name', (v_plan.old_admin).display_name,
      'role_before', jsonb_build_object('id', (v_plan.admin_role).id, 'name', (v_plan.admin_role).name),
      'role_after', jsonb_build_object('id', (v_plan.demote_role).id, 'name', (v_plan.demote_role).name)),
    'primary_moves', true
  );
end;
$$;
comment on function rolecall.preview_promote_to_admin(uuid) is 'What promote_to_admin would do (new Admin, old Admin''s next role, checkboxes dropped), for the confirmation modal. Same checks, changes nothing.';
revoke execute on function rolecall.preview_promote_to_admin(uuid) from public;
grant execute on function rolecall.preview_promote_to_admin(uuid) to authenticated, service_role;

create function rolecall.transfer_primary(p_member uuid) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := rolecall_private.member_org(p_member);
  v_actor rolecall.members := rolecall_private.actor(v_org);
  v_target rolecall.members;
  v_role rolecall.roles;
begin
  if not v_actor.is_primary then
    raise exception 'Only the primary member can hand over primary status' using errcode = 'RC105',
      detail = format('member %s', v_actor.id);
  end if;
  if (select o.admin_mode from rolecall.organizations o where o.id = v_org) = 'single' then
    return rolecall.promote_to_admin(p_member);
  end if;
  v_target := rolecall_private.member_in(v_org, p_member);
  perform rolecall_private.assert_can_manage(v_actor, v_target);
  perform rolecall_private.assert_can_take_primary(v_target);
  if not (rolecall_private.role_in(v_org, v_target.role_id)).all_permissions then
    v_role := rolecall_private.role_in(v_org, v_actor.role_id);
    perform rolecall_private.assert_owner_room(v_role, v_target);
  end if;
  perform rolecall_private.audit_as('members.transfer_primary');
  update rolecall.members m set is_primary = false where m.id = v_actor.id;
  if v_role.id is not null then
    perform rolecall_private.move_to_role(v_target.id, v_role);
  end if;
  update rolecall.members m set is_primary = true where m.id = v_target.id;
  return (select m from rolecall.members m where m.id = v_target.id);
end;
$$;
comment on function rolecall.transfer_primary(uuid) is 'The primary member hands primary status to another active member (RC105 for anyone else), who joins the primary''s all-permissions role if not in one (RC206 when that role is full: Profit''s Owner, contact support); the old primary keeps its role. Single-admin mode: same as promote_to_admin. Reached only through transfer_primary_as (the transfer-admin function: re-authentication, then the admins are emailed).';
revoke execute on function rolecall.transfer_primary(uuid) from public, anon, authenticated;
