-- What the edge functions (supabase/functions) need beyond the user-facing RPCs: the admins to
-- notify, and service-role entry points that run a team action as the verified caller from the
-- caller's own address (rolecall_private.act_as). Through PostgREST a function's request would
-- otherwise carry the function's address, which the IP allowlist and the audit trail must not see.

-- functions

create function rolecall.notification_recipients(p_org uuid) returns table (email text, language text)
language sql stable security definer set search_path = ''
as $$
  select m.email, o.language
    from rolecall.organizations o
    join rolecall.members m on m.organization_id = o.id
    join rolecall.roles r on r.id = m.role_id
   where o.id = p_org and o.notify_admins
     and m.status = 'active' and m.notifications and r.all_permissions and m.email <> ''
$$;
comment on function rolecall.notification_recipients(uuid) is 'Service role only: who gets team-change emails — active admins (all-permissions roles) with notifications on, if the organization sends them (Paycove: the Admin by default).';
revoke execute on function rolecall.notification_recipients(uuid) from public, anon, authenticated;
grant execute on function rolecall.notification_recipients(uuid) to service_role;

create function rolecall.transfer_primary_as(p_actor uuid, p_member uuid, p_client_ip inet default null) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform rolecall_private.act_as(p_actor, p_client_ip);
  return rolecall.transfer_primary(p_member);
end;
$$;
comment on function rolecall.transfer_primary_as(uuid, uuid, inet) is 'Service role only (the transfer-admin function, after re-authentication): rolecall.transfer_primary as p_actor.';
revoke execute on function rolecall.transfer_primary_as(uuid, uuid, inet) from public, anon, authenticated;
grant execute on function rolecall.transfer_primary_as(uuid, uuid, inet) to service_role;

create function rolecall.promote_to_admin_as(p_actor uuid, p_member uuid, p_client_ip inet default null) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform rolecall_private.act_as(p_actor, p_client_ip);
  return rolecall.promote_to_admin(p_member);
end;
$$;
comment on function rolecall.promote_to_admin_as(uuid, uuid, inet) is 'Service role only (the promote-admin function): rolecall.promote_to_admin as p_actor.';
revoke execute on function rolecall.promote_to_admin_as(uuid, uuid, inet) from public, anon, authenticated;
grant execute on function rolecall.promote_to_admin_as(uuid, uuid, inet) to service_role;

create function rolecall.remove_member_as(p_actor uuid, p_member uuid, p_client_ip inet default null) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform rolecall_private.act_as(p_actor, p_client_ip);
  return rolecall.remove_member(p_member);
end;
$$;
comment on function rolecall.remove_member_as(uuid, uuid, inet) is 'Service role only (the remove-member function): rolecall.remove_member as p_actor.';
revoke execute on function rolecall.remove_member_as(uuid, uuid, inet) from public, anon, authenticated;
grant execute on function rolecall.remove_member_as(uuid, uuid, inet) to service_role;
