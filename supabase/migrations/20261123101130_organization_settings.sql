-- Organization settings RPCs: name, language, invitation lifetime, notifications (settings.manage),
-- and the admin mode (the primary member only); and each member's own notification emails.
--
-- Switching to `single` admin mode (Paycove) is refused while more than one member holds an
-- all-permissions role: invariant 5 says there is exactly one Admin in single mode, and choosing
-- which admins to demote is a decision the primary must make explicitly (change their roles first),
-- not one this function should guess. Switching back to `multi` is always allowed.

-- functions

create function rolecall.update_organization(
  p_org uuid,
  p_name text default null,
  p_language text default null,
  p_invitation_ttl interval default null,
  p_notify_admins boolean default null
) returns rolecall.organizations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.require_permission(p_org, 'settings.manage');
  v_org rolecall.organizations;
  v_name text;
  v_language text;
begin
  select * into v_org from rolecall.organizations o where o.id = p_org;
  v_name := case when p_name is null then v_org.name else rolecall_private.valid_name(p_name, 200, 'organization') end;
  v_language := case when p_language is null then v_org.language else rolecall_private.valid_language(p_language) end;
  if p_invitation_ttl is not null and not (p_invitation_ttl between interval '1 hour' and interval '30 days') then
    raise exception 'Invitations last between 1 hour and 30 days' using errcode = 'RC308', detail = p_invitation_ttl::text;
  end if;
  perform rolecall_private.audit_as('organizations.update');
  update rolecall.organizations o
     set name = v_name,
         language = v_language,
         invitation_ttl = coalesce(p_invitation_ttl, o.invitation_ttl),
         notify_admins = coalesce(p_notify_admins, o.notify_admins)
   where o.id = p_org
     and (o.name, o.language, o.invitation_ttl, o.notify_admins)
         is distinct from (v_name, v_language, coalesce(p_invitation_ttl, o.invitation_ttl), coalesce(p_notify_admins, o.notify_admins));
  return (select o from rolecall.organizations o where o.id = p_org);
end;
$$;
comment on function rolecall.update_organization(uuid, text, text, interval, boolean) is 'Changes organization settings; null leaves a setting as it is. Needs settings.manage; name 1-200 characters (RC304), language en/uk and invitation lifetime 1 hour-30 days (RC308).';
revoke execute on function rolecall.update_organization(uuid, text, text, interval, boolean) from public;
grant execute on function rolecall.update_organization(uuid, text, text, interval, boolean) to authenticated, service_role;

create function rolecall.set_admin_mode(p_org uuid, p_mode rolecall.admin_mode) returns rolecall.organizations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.actor(p_org);
  v_admins integer;
begin
  if not v_actor.is_primary then
    raise exception 'Only the primary member can change the admin mode' using errcode = 'RC105',
      detail = format('member %s', v_actor.id);
  end if;
  if p_mode is null then
    raise exception 'Choose an admin mode: multi or single' using errcode = 'RC308';
  end if;
  if p_mode = 'single' then
    select count(*) into v_admins
      from rolecall.members m join rolecall.roles r on r.id = m.role_id
     where m.organization_id = p_org and r.all_permissions;
    if v_admins > 1 then
      raise exception 'Single-admin mode allows one Admin, and % members hold an all-permissions role; change the others'' roles first', v_admins
        using errcode = 'RC308', detail = format('%s admins', v_admins);
    end if;
  end if;
  perform rolecall_private.audit_as('organizations.set_admin_mode');
  update rolecall.organizations o set admin_mode = p_mode where o.id = p_org and o.admin_mode <> p_mode;
  return (select o from rolecall.organizations o where o.id = p_org);
end;
$$;
comment on function rolecall.set_admin_mode(uuid, rolecall.admin_mode) is 'multi (several equal admins) or single (one Admin, promote_to_admin replaces it). Only the primary member (RC105); single only while at most one member holds an all-permissions role (RC308).';
revoke execute on function rolecall.set_admin_mode(uuid, rolecall.admin_mode) from public;
grant execute on function rolecall.set_admin_mode(uuid, rolecall.admin_mode) to authenticated, service_role;

create function rolecall.set_my_notifications(p_org uuid, p_enabled boolean) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
-- NOTE: Paycove: "The Admin is also the default recipient of emails that Paycove sends"; the team
-- emails' footer tells admins they can turn this off. Each member decides for themselves only, so
-- this needs no team permission: rolecall.notification_recipients and the functions' mail
-- (supabase/functions/_shared/notify.ts) read members.notifications.
declare
  v_actor rolecall.members := rolecall_private.actor(p_org);
begin
  if p_enabled is null then
    raise exception 'Choose on (true) or off (false)' using errcode = 'RC308';
  end if;
  perform rolecall_private.audit_as('members.set_notifications');
  update rolecall.members m set notifications = p_enabled
   where m.id = v_actor.id and m.notifications <> p_enabled;
  return (select m from rolecall.members m where m.id = v_actor.id);
end;
$$;
comment on function rolecall.set_my_notifications(uuid, boolean) is 'The caller turns their own notification emails on or off in one organization (Paycove: the Admin receives them by default). Any active member (RC102 otherwise); null is RC308. Returns the caller''s member row.';
revoke execute on function rolecall.set_my_notifications(uuid, boolean) from public;
grant execute on function rolecall.set_my_notifications(uuid, boolean) to authenticated, service_role;
