-- Invitations (invariant 6): a token is single-use, expires, dies when resent or revoked, and
-- accepting is atomic.
--
-- Who may call what, and why:
--   create_invitation / resend_invitation / invitation_by_token: service_role only. The edge
--     function verifies the caller's JWT, makes the token and passes only its hash, acting for the
--     caller (rolecall_private.act_as), so every rule below still applies to that user. If users
--     could call them directly they could pick the token themselves and accept in the invitee's
--     name: the link must prove control of the mailbox.
--   accept_invitation: service_role only too, through accept_invitation_as: the accept function
--     tells the admins who joined, and that email must not be skippable by calling the RPC directly.
--   revoke_invitation, decline_invitation: signed-in users directly (no email is promised).
-- Answering without the link (by invitation id, from the extension's list) needs more than a
-- confirmed email: with confirmations off (a project setting) anyone can sign up with the invited
-- address and read the invitation's id. Only an account whose email was confirmed before the
-- invitation was created may answer by id; everyone else needs the token from the email (RC410).
-- Limits (rolecall_private.invitation_settings, one row operators edit): emails per hour per
-- organization, per inviter, per client address, and fewer for accounts younger than a day.
-- Error codes: RC401 unknown link · RC402 expired · RC403 revoked · RC404 already used ·
--   RC405 already a member · RC406 a pending invitation exists · RC407 signed in with another email ·
--   RC408 invalid email · RC409 too many invitations (rate limit) · RC410 email not confirmed ·
--   RC411 the address is a member of another organization and this one needs unique emails.
-- Resource grants (a Jusnote project, a Profit budget or card) ride on the invitation and pass the
-- checks of set_resource_grants (rolecall_private.grantable_resource_ids, no escalation) twice: as
-- the inviter when inviting, and again for the inviter's member row when the invitee accepts, so
-- access the inviter lost in between is not handed out.

-- tables

create table rolecall_private.invitation_settings (
  id boolean primary key default true check (id),
  per_organization integer not null default 50 check (per_organization > 0),
  per_inviter integer not null default 20 check (per_inviter > 0),
  per_client_ip integer not null default 40 check (per_client_ip > 0),
  per_new_account integer not null default 5 check (per_new_account > 0),
  new_account_age interval not null default interval '24 hours' check (new_account_age >= interval '0'),
  updated_at timestamptz not null default now()
);
comment on table rolecall_private.invitation_settings is 'The invitation limits, one row: emails (creates and resends) allowed per hour per organization, per inviter, per client address, and per inviter whose account is younger than new_account_age. Operators change them with an update (SQL editor); the next invitation uses the new values.';
comment on column rolecall_private.invitation_settings.per_client_ip is 'Per request address (rolecall_private.request_ip(), which the invite functions set to their caller''s): many fresh accounts from one place share it.';
comment on column rolecall_private.invitation_settings.per_new_account is 'Replaces per_inviter while the inviter''s account (auth.users.created_at) is younger than new_account_age: a fresh sign-up cannot mail much.';
insert into rolecall_private.invitation_settings default values;

create index audit_events_actor_idx on rolecall.audit_events (actor_id, created_at desc);
create index audit_events_invitation_ip_idx on rolecall.audit_events (request_ip, created_at desc)
  where action in ('invitations.create', 'invitations.resend');

-- triggers

create trigger invitation_settings_touch_updated_at before update on rolecall_private.invitation_settings
  for each row execute function rolecall_private.touch_updated_at();

-- RLS: operators only (no API role but the service role has any privilege)

alter table rolecall_private.invitation_settings enable row level security;
grant all on rolecall_private.invitation_settings to service_role;

-- policies

-- NOTE: the service role bypasses RLS anyway; the policy states who the limits are for.
create policy "Operators manage the invitation limits"
  on rolecall_private.invitation_settings for all to service_role using (true) with check (true);

create function rolecall_private.invitation_names(p_invitation uuid, out organization_name text, out role_name text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  select o.name, r.name into organization_name, role_name
    from rolecall.invitations i
    join rolecall.organizations o on o.id = i.organization_id
    join rolecall.roles r on r.id = i.role_id
   where i.id = p_invitation
     -- signed-in users get names only for invitations they may see; the service role and operators see all
     and (auth.role() is distinct from 'authenticated' or rolecall_private.invitation_visible(i.organization_id, i.email));
end;
$$;
comment on function rolecall_private.invitation_names(uuid) is 'Organization and role names of an invitation the caller may see (rolecall_private.invitation_visible): an invitee reads them before joining, although RLS hides the organization''s rows until then.';
revoke execute on function rolecall_private.invitation_names(uuid) from public;
grant execute on function rolecall_private.invitation_names(uuid) to authenticated, service_role;

create view rolecall.invitation_list with (security_invoker = true) as
  select i.id, i.organization_id, n.organization_name, i.email, i.role_id, n.role_name, i.grants, i.denies, i.ip_allowlist, i.resource_grants,
         case when i.status = 'pending' and i.expires_at <= now() then 'expired'::rolecall.invitation_status
              else i.status end as status,
         i.expires_at, i.send_count, i.last_sent_at, i.language, i.invited_by, i.accepted_by, i.responded_at, i.created_at
    from rolecall.invitations i
    cross join lateral rolecall_private.invitation_names(i.id) n;
comment on view rolecall.invitation_list is 'Invitations as the widget and the extension list them: status already says expired when the link is past its expiry; organization and role names even for invitees who cannot see the organization yet; no token hash. Same rows as the table''s RLS allows (security_invoker).';

-- grants

grant select on rolecall.invitation_list to authenticated, service_role;

-- functions

create function rolecall_private.act_as(p_user uuid, p_client_ip inet) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_email text;
begin
  if p_user is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  select u.email into v_email from auth.users u where u.id = p_user;
  if not found then
    raise exception 'User not found' using errcode = 'RC306', detail = format('user %s', p_user);
  end if;
  -- For the rest of this transaction the request is the user's: auth.uid(), the guards, the IP
  -- allowlist and the audit trail all see them, not the service role.
  perform set_config('request.jwt.claims', jsonb_build_object('sub', p_user, 'role', 'authenticated', 'email', v_email)::text, true);
  perform set_config('rolecall.client_ip', coalesce(host(p_client_ip), ''), true);
end;
$$;
comment on function rolecall_private.act_as(uuid, inet) is 'Used by service-role RPCs called from edge functions: the rest of the transaction runs as the verified user, from the client address the function saw.';
revoke execute on function rolecall_private.act_as(uuid, inet) from public;

create function rolecall_private.invitation_limits(
  out per_organization integer, out per_inviter integer, out per_client_ip integer,
  out per_new_account integer, out new_account_age interval)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  select s.per_organization, s.per_inviter, s.per_client_ip, s.per_new_account, s.new_account_age
    into per_organization, per_inviter, per_client_ip, per_new_account, new_account_age
    from rolecall_private.invitation_settings s;
  -- NOTE: the row is never deleted on purpose; if it is, the defaults apply rather than no limit.
  if not found then
    per_organization := 50; per_inviter := 20; per_client_ip := 40; per_new_account := 5; new_account_age := interval '24 hours';
  end if;
end;
$$;
comment on function rolecall_private.invitation_limits() is 'Invitation emails allowed per hour, from rolecall_private.invitation_settings: per organization, per inviter (across organizations), per client address, and per inviter with an account younger than new_account_age.';
revoke execute on function rolecall_private.invitation_limits() from public;

create function rolecall_private.check_invitation_rate(p_org uuid, p_inviter uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_limits record := rolecall_private.invitation_limits();
  v_since timestamptz := now() - interval '1 hour';
  v_ip inet := rolecall_private.request_ip();
  v_new_account boolean := exists (
    select 1 from auth.users u where u.id = p_inviter and u.created_at > now() - v_limits.new_account_age);
begin
  -- Sends are counted from the audit trail, which every create and resend writes anyway.
  if (select count(*) from rolecall.audit_events e
       where e.organization_id = p_org and e.created_at > v_since
         and e.action in ('invitations.create', 'invitations.resend')) >= v_limits.per_organization then
    raise exception 'Too many invitations from this organization in the last hour' using errcode = 'RC409',
      detail = format('limit %s per hour per organization', v_limits.per_organization);
  end if;
  if (select count(*) from rolecall.audit_events e
       where e.actor_id = p_inviter and e.created_at > v_since
         and e.action in ('invitations.create', 'invitations.resend'))
     >= (case when v_new_account then least(v_limits.per_new_account, v_limits.per_inviter) else v_limits.per_inviter end) then
    if v_new_account then
      raise exception 'New accounts may send only % invitations an hour; try again later', least(v_limits.per_new_account, v_limits.per_inviter)
        using errcode = 'RC409',
        detail = format('limit %s per hour per inviter for accounts younger than %s', least(v_limits.per_new_account, v_limits.per_inviter), v_limits.new_account_age);
    end if;
    raise exception 'You sent too many invitations in the last hour' using errcode = 'RC409',
      detail = format('limit %s per hour per inviter', v_limits.per_inviter);
  end if;
  -- NOTE: without a client address (the SQL editor) there is nothing to count by.
  if v_ip is not null and (select count(*) from rolecall.audit_events e
       where e.request_ip = v_ip and e.created_at > v_since
         and e.action in ('invitations.create', 'invitations.resend')) >= v_limits.per_client_ip then
    raise exception 'Too many invitations from your network in the last hour' using errcode = 'RC409',
      detail = format('limit %s per hour per client address', v_limits.per_client_ip);
  end if;
end;
$$;
comment on function rolecall_private.check_invitation_rate(uuid, uuid) is 'Raises RC409 past the hourly invitation limits (rolecall_private.invitation_limits): per organization, per inviter (fewer for new accounts), per client address.';
revoke execute on function rolecall_private.check_invitation_rate(uuid, uuid) from public;

create function rolecall_private.assert_can_invite_to(p_actor rolecall.members, p_role rolecall.roles, p_grants text[], p_denies text[])
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform rolecall_private.assert_can_assign(p_actor, p_role);
  perform rolecall_private.assert_not_single_admin_role(p_role);
  -- Profit: a new owner only through support (RC206), not through an invitation to the Owner role
  perform rolecall_private.assert_owner_room(p_role, null);
  perform rolecall_private.assert_checkboxes_fit(p_role, p_grants, p_denies);
  perform rolecall_private.assert_holds_all(p_actor, p_grants || p_denies);
end;
$$;
comment on function rolecall_private.assert_can_invite_to(rolecall.members, rolecall.roles, text[], text[]) is 'No escalation through invitations: the inviter may assign the role and holds every ticked permission; a full owner role takes nobody new (RC206).';
revoke execute on function rolecall_private.assert_can_invite_to(rolecall.members, rolecall.roles, text[], text[]) from public;

create function rolecall_private.invitation_resource_grants(p_actor rolecall.members, p_grants jsonb) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_type text;
  v_ids jsonb;
  v_result jsonb := '{}';
begin
  if p_grants is null or p_grants = 'null'::jsonb then
    return v_result;
  end if;
  if jsonb_typeof(p_grants) <> 'object' then
    raise exception 'Resource grants are an object of id lists by type' using errcode = 'RC308',
      detail = left(p_grants::text, 200), hint = '{"project": ["<id>", ...], "budget": ["<id>"]}';
  end if;
  for v_type, v_ids in select g.key, g.value from jsonb_each(p_grants) as g order by g.key loop
    if jsonb_typeof(v_ids) <> 'array' or exists (select 1 from jsonb_array_elements(v_ids) as e where jsonb_typeof(e) <> 'string') then
      raise exception 'The % grants must be a list of ids', v_type using errcode = 'RC308', detail = left(v_ids::text, 200);
    end if;
    v_result := v_result || jsonb_build_object(v_type, to_jsonb(rolecall_private.grantable_resource_ids(
      p_actor, v_type, array(select jsonb_array_elements_text(v_ids)))));
  end loop;
  return v_result;
end;
$$;
comment on function rolecall_private.invitation_resource_grants(rolecall.members, jsonb) is 'An invitation''s resource grants ({"project": [ids], ...}, RC308 otherwise), each type through rolecall_private.grantable_resource_ids for the inviting member (RC305 / RC306 / RC107), ids in canonical form. Called by create_invitation as the inviter and by accept_invitation for the inviter''s member row.';
revoke execute on function rolecall_private.invitation_resource_grants(rolecall.members, jsonb) from public;

create function rolecall.create_invitation(
  p_actor uuid,
  p_org uuid,
  p_email text,
  p_role uuid,
  p_token_hash bytea,
  p_grants text[] default '{}',
  p_denies text[] default '{}',
  p_allowlist text[] default '{}',
  p_client_ip inet default null,
  p_resource_grants jsonb default '{}'
) returns rolecall.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members;
  v_role rolecall.roles;
  v_email text := lower(btrim(coalesce(p_email, '')));
  -- the members' allowlist parser (RC303), before anything is written
  v_allowlist text[] := rolecall_private.valid_allowlist(p_allowlist);
  v_resource_grants jsonb;
  v_invitation rolecall.invitations;
  v_grants text[];
  v_denies text[];
  v_box_role uuid;
begin
  perform rolecall_private.act_as(p_actor, p_client_ip);
  v_actor := rolecall_private.require_permission(p_org, 'members.invite');
  -- grants and denies speak the organization's checkboxes (or catalog keys), as set_member_overrides
  -- does; ticking a role box (Jusnote "Адміністратор") invites to that role
  v_grants := rolecall_private.expand_checkboxes(p_org, p_grants, false);
  v_denies := rolecall_private.expand_checkboxes(p_org, p_denies, true);
  v_box_role := rolecall_private.checkbox_role(p_org, p_grants);
  if not rolecall_private.is_valid_email(v_email) then
    raise exception 'Not a valid email address: "%"', left(p_email, 320) using errcode = 'RC408', detail = left(p_email, 320),
      hint = 'Letters, digits and . _ + - before the @ (not first), a domain with a dot; no quotes, spaces or angle brackets.';
  end if;
  v_role := rolecall_private.role_in(p_org, coalesce(v_box_role, p_role));
  if not v_role.member_overrides and v_box_role is not null then
    v_grants := '{}';
    v_denies := '{}';
  end if;
  perform rolecall_private.assert_can_invite_to(v_actor, v_role, v_grants, v_denies);
  if exists (select 1 from rolecall.members m where m.organization_id = p_org and lower(m.email) = v_email) then
    raise exception '% is already a member', v_email using errcode = 'RC405', detail = v_email;
  end if;
  perform rolecall_private.assert_email_unique_elsewhere(p_org, v_email);
  v_resource_grants := rolecall_private.invitation_resource_grants(v_actor, p_resource_grants);
  if exists (select 1 from rolecall.invitations i
              where i.organization_id = p_org and i.email = v_email and i.status = 'pending' and i.expires_at > now()) then
    raise exception '% already has a pending invitation; resend it instead', v_email using errcode = 'RC406', detail = v_email;
  end if;
  perform rolecall_private.check_invitation_rate(p_org, p_actor);
  -- a pending invitation past its expiry makes way for the new one
  perform rolecall_private.audit_as('invitations.expire');
  update rolecall.invitations i set status = 'expired'
   where i.organization_id = p_org and i.email = v_email and i.status = 'pending';
  perform rolecall_private.audit_as('invitations.create');
  insert into rolecall.invitations (organization_id, email, role_id, grants, denies, ip_allowlist, resource_grants, token_hash, expires_at, language, invited_by)
  select p_org, v_email, v_role.id, v_grants, v_denies, v_allowlist, v_resource_grants, p_token_hash,
         now() + o.invitation_ttl, o.language, p_actor
    from rolecall.organizations o where o.id = p_org
  returning * into v_invitation;
  return v_invitation;
end;
$$;
comment on function rolecall.create_invitation(uuid, uuid, text, uuid, bytea, text[], text[], text[], inet, jsonb) is 'Service role (the invite edge function) only: invites an email to a role as p_actor, with initial checkboxes (the organization''s checkbox keys or catalog keys, stored expanded to catalog keys; a role box invites to its role), IP allowlist and resource grants ({"project": [ids]}: the inviter must reach each, RC305-RC308 / RC107); an address that is a member of another organization when this one needs unique emails: RC411. Only the token''s sha256 is stored.';
revoke execute on function rolecall.create_invitation(uuid, uuid, text, uuid, bytea, text[], text[], text[], inet, jsonb) from public, anon, authenticated;
grant execute on function rolecall.create_invitation(uuid, uuid, text, uuid, bytea, text[], text[], text[], inet, jsonb) to service_role;

create function rolecall_private.invitation_for_inviter(p_invitation uuid) returns rolecall.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := (select i.organization_id from rolecall.invitations i where i.id = p_invitation);
  v_actor rolecall.members;
  v_invitation rolecall.invitations;
begin
  if v_org is null then
    raise exception 'Invitation not found' using errcode = 'RC306', detail = format('invitation %s', p_invitation);
  end if;
  v_actor := rolecall_private.require_permission(v_org, 'members.invite');
  select * into v_invitation from rolecall.invitations i where i.id = p_invitation for update;
  perform rolecall_private.assert_can_assign(v_actor, rolecall_private.role_in(v_org, v_invitation.role_id));
  return v_invitation;
end;
$$;
comment on function rolecall_private.invitation_for_inviter(uuid) is 'The invitation, locked after its organization, for a caller who holds members.invite and may assign its role (RC306 / RC101-RC104).';
revoke execute on function rolecall_private.invitation_for_inviter(uuid) from public;

create function rolecall.resend_invitation(p_actor uuid, p_invitation uuid, p_token_hash bytea, p_client_ip inet default null)
returns rolecall.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_invitation rolecall.invitations;
begin
  perform rolecall_private.act_as(p_actor, p_client_ip);
  v_invitation := rolecall_private.invitation_for_inviter(p_invitation);
  if v_invitation.status = 'revoked' then
    raise exception 'This invitation was revoked; invite the person again' using errcode = 'RC403';
  elsif v_invitation.status in ('accepted', 'declined') then
    raise exception 'This invitation was already %', v_invitation.status using errcode = 'RC404';
  end if;
  if exists (select 1 from rolecall.invitations i
              where i.organization_id = v_invitation.organization_id and i.email = v_invitation.email
                and i.status = 'pending' and i.id <> p_invitation) then
    raise exception '% already has a newer pending invitation', v_invitation.email using errcode = 'RC406';
  end if;
  perform rolecall_private.check_invitation_rate(v_invitation.organization_id, p_actor);
  perform rolecall_private.audit_as('invitations.resend');
  update rolecall.invitations i
     set token_hash = p_token_hash, status = 'pending', send_count = i.send_count + 1, last_sent_at = now(),
         expires_at = now() + (select o.invitation_ttl from rolecall.organizations o where o.id = i.organization_id)
   where i.id = p_invitation
  returning * into v_invitation;
  return v_invitation;
end;
$$;
comment on function rolecall.resend_invitation(uuid, uuid, bytea, inet) is 'Service role (the resend edge function) only: a new token replaces the old one (the old link dies at once), expiry restarts, send_count grows.';
revoke execute on function rolecall.resend_invitation(uuid, uuid, bytea, inet) from public, anon, authenticated;
grant execute on function rolecall.resend_invitation(uuid, uuid, bytea, inet) to service_role;

create function rolecall.revoke_invitation(p_invitation uuid) returns rolecall.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_invitation rolecall.invitations := rolecall_private.invitation_for_inviter(p_invitation);
begin
  if v_invitation.status <> 'pending' then
    raise exception 'Only a pending invitation can be revoked (this one is %)', v_invitation.status using errcode = 'RC404';
  end if;
  perform rolecall_private.audit_as('invitations.revoke');
  update rolecall.invitations i set status = 'revoked', responded_at = now() where i.id = p_invitation
  returning * into v_invitation;
  return v_invitation;
end;
$$;
comment on function rolecall.revoke_invitation(uuid) is 'Deactivates an invitation: its link stops working. Needs members.invite and a role the caller may assign.';
revoke execute on function rolecall.revoke_invitation(uuid) from public;
grant execute on function rolecall.revoke_invitation(uuid) to authenticated, service_role;

create function rolecall_private.invitation_for_invitee(p_token_hash bytea, p_invitation uuid) returns rolecall.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_invitation rolecall.invitations;
  v_user auth.users;
begin
  if auth.uid() is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  select * into v_invitation from rolecall.invitations i
   where (p_token_hash is not null and i.token_hash = p_token_hash)
      or (p_token_hash is null and i.id = p_invitation);
  if v_invitation.id is null then
    raise exception 'This invitation link is not valid' using errcode = 'RC401';
  end if;
  -- lock order as everywhere: the organization, then the row
  perform 1 from rolecall.organizations o where o.id = v_invitation.organization_id for update;
  select * into v_invitation from rolecall.invitations i where i.id = v_invitation.id for update;
  select * into v_user from auth.users u where u.id = auth.uid();
  if lower(coalesce(v_user.email, '')) <> v_invitation.email then
    raise exception 'This invitation is for another email address' using errcode = 'RC407';
  end if;
  -- NOTE: without the token, only an address confirmed BEFORE the invitation existed proves the
  -- mailbox: with email confirmations off, a sign-up after the invitation gets a "confirmed" address
  -- at once. created_at, not last_sent_at: a resend must not admit an account made in between.
  if p_token_hash is null
     and (v_user.email_confirmed_at is null or v_user.email_confirmed_at >= v_invitation.created_at) then
    raise exception 'Open the link in the invitation email to answer it: without the link, only an account whose email was confirmed before the invitation was sent may'
      using errcode = 'RC410', detail = format('invitation %s', v_invitation.id);
  end if;
  if v_invitation.status = 'revoked' then
    raise exception 'This invitation was revoked' using errcode = 'RC403';
  elsif v_invitation.status in ('accepted', 'declined') then
    raise exception 'This invitation was already used' using errcode = 'RC404';
  elsif v_invitation.status = 'expired' or v_invitation.expires_at <= now() then
    raise exception 'This invitation has expired; ask for a new one' using errcode = 'RC402';
  end if;
  return v_invitation;
end;
$$;
comment on function rolecall_private.invitation_for_invitee(bytea, uuid) is 'The pending invitation the caller may answer, by token hash (from the email link) or by id (only for an email confirmed before the invitation was created), locked; RC401-RC404, RC407, RC410.';
revoke execute on function rolecall_private.invitation_for_invitee(bytea, uuid) from public;

create function rolecall.accept_invitation(p_token_hash bytea default null, p_invitation uuid default null) returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_invitation rolecall.invitations := rolecall_private.invitation_for_invitee(p_token_hash, p_invitation);
  v_member rolecall.members;
  v_inviter rolecall.members;
  v_resource_grants jsonb := '{}';
begin
  if exists (select 1 from rolecall.members m where m.organization_id = v_invitation.organization_id and m.user_id = auth.uid()) then
    raise exception 'You are already a member of this organization' using errcode = 'RC405';
  end if;
  perform rolecall_private.assert_email_unique_elsewhere(v_invitation.organization_id, v_invitation.email);
  -- the role may have filled up since the invitation (RC206 for an owner role, as at invite time)
  perform rolecall_private.assert_owner_room((select r from rolecall.roles r where r.id = v_invitation.role_id), null);
  if v_invitation.resource_grants <> '{}'::jsonb then
    -- the same no-escalation check as at invite time, for the inviter as it is now
    select * into v_inviter from rolecall.members m
     where m.organization_id = v_invitation.organization_id and m.user_id = v_invitation.invited_by and m.status = 'active';
    if v_inviter.id is null then
      raise exception 'Whoever invited you can no longer share the resources in this invitation; ask for a new one'
        using errcode = 'RC107', detail = format('invitation %s', v_invitation.id);
    end if;
    v_resource_grants := rolecall_private.invitation_resource_grants(v_inviter, v_invitation.resource_grants);
  end if;
  perform rolecall_private.audit_as('invitations.accept');
  insert into rolecall.members (organization_id, user_id, role_id, ip_allowlist)
  values (v_invitation.organization_id, auth.uid(), v_invitation.role_id, v_invitation.ip_allowlist)
  returning * into v_member;
  insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect)
  select v_member.id, v_member.organization_id, k.key, k.effect
    from (select unnest(v_invitation.grants) as key, 'grant'::rolecall.override_effect as effect
          union all
          select unnest(v_invitation.denies), 'deny') k
   where (select r.member_overrides from rolecall.roles r where r.id = v_member.role_id);
  insert into rolecall.resource_grants (member_id, organization_id, resource_type, resource_id, granted_by)
  select v_member.id, v_member.organization_id, g.key, i.id, v_invitation.invited_by
    from jsonb_each(v_resource_grants) as g
   cross join lateral jsonb_array_elements_text(g.value) as i (id);
  update rolecall.invitations i set status = 'accepted', accepted_by = auth.uid(), responded_at = now()
   where i.id = v_invitation.id;
  return v_member;
end;
$$;
comment on function rolecall.accept_invitation(bytea, uuid) is 'Joins the organization with the invited role, checkboxes, allowlist and resource grants (checked again for the inviter: RC107 / RC305 / RC306; an address that is a member elsewhere when the organization needs unique emails: RC411), in one transaction; the invitation is used up. By the link''s token hash, or by id for an email confirmed before the invitation was sent (RC410). Reached only through accept_invitation_as (the accept function, which emails the admins).';
revoke execute on function rolecall.accept_invitation(bytea, uuid) from public, anon, authenticated;

create function rolecall.accept_invitation_as(p_actor uuid, p_token_hash bytea default null, p_invitation uuid default null, p_client_ip inet default null)
returns rolecall.members
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform rolecall_private.act_as(p_actor, p_client_ip);
  return rolecall.accept_invitation(p_token_hash, p_invitation);
end;
$$;
comment on function rolecall.accept_invitation_as(uuid, bytea, uuid, inet) is 'Service role only (the accept-invitation function, which then emails the admins): rolecall.accept_invitation as p_actor.';
revoke execute on function rolecall.accept_invitation_as(uuid, bytea, uuid, inet) from public, anon, authenticated;
grant execute on function rolecall.accept_invitation_as(uuid, bytea, uuid, inet) to service_role;

create function rolecall.decline_invitation(p_token_hash bytea default null, p_invitation uuid default null) returns rolecall.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_invitation rolecall.invitations := rolecall_private.invitation_for_invitee(p_token_hash, p_invitation);
begin
  perform rolecall_private.audit_as('invitations.decline');
  update rolecall.invitations i set status = 'declined', responded_at = now() where i.id = v_invitation.id
  returning * into v_invitation;
  return v_invitation;
end;
$$;
comment on function rolecall.decline_invitation(bytea, uuid) is 'The invitee says no: the invitation is used up. By the link''s token hash, or by id under the same rule as accepting (RC410), so nobody declines someone else''s invitation.';
revoke execute on function rolecall.decline_invitation(bytea, uuid) from public;
grant execute on function rolecall.decline_invitation(bytea, uuid) to authenticated;

create function rolecall.invitation_by_token(p_token_hash bytea) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', i.id, 'email', i.email, 'organization_id', i.organization_id, 'organization_name', o.name,
    'role_name', r.name, 'language', i.language, 'expires_at', i.expires_at,
    'status', case when i.status = 'pending' and i.expires_at <= now() then 'expired' else i.status::text end,
    'inviter_email', (select u.email from auth.users u where u.id = i.invited_by),
    'user_exists', exists (select 1 from auth.users u where lower(u.email) = i.email)
  )
  from rolecall.invitations i
  join rolecall.organizations o on o.id = i.organization_id
  join rolecall.roles r on r.id = i.role_id
  where i.token_hash = p_token_hash
$$;
comment on function rolecall.invitation_by_token(bytea) is 'Service role (the accept edge function) only: what an invitation link leads to, for the accept page; null for an unknown link.';
revoke execute on function rolecall.invitation_by_token(bytea) from public, anon, authenticated;
grant execute on function rolecall.invitation_by_token(bytea) to service_role;
