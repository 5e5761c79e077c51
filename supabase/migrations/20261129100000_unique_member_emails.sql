-- Payments platform: "Unique email addresses must be used for creating Users, i.e., emails not
-- assigned to other Users or Merchants." An organization setting, organizations.unique_member_emails,
-- on for organizations made from a template that asks for it (payments_platform) and off elsewhere:
-- such an organization neither invites nor admits (on accept) an address that is already a member
-- of another organization, active or not (RC411). One rule, rolecall_private.assert_email_unique_elsewhere,
-- used by create_invitation and accept_invitation (20261123101800).
-- Why a migration of its own: the setting spans templates, organizations and invitations; a
-- before-insert trigger gives every new organization its template's value, whichever path creates it
-- (create_organization, the seed, an operator's insert), without a second copy of the template rule.
-- Turning it on later leaves existing members as they are: it governs who joins from then on.
-- NOTE: the refusal tells the inviter that the address is used elsewhere (not where): the doc's rule
-- cannot be kept without saying so, and the invite function is rate limited (RC409).

-- tables

alter table rolecall.templates add column unique_member_emails boolean not null default false;
comment on column rolecall.templates.unique_member_emails is 'Whether organizations made from this template start with organizations.unique_member_emails on (payments_platform: "Unique email addresses must be used for creating Users").';
update rolecall.templates set unique_member_emails = true where key = 'payments_platform';

alter table rolecall.organizations add column unique_member_emails boolean not null default false;
comment on column rolecall.organizations.unique_member_emails is 'When on, an address that is a member of another organization (active or not) is neither invited nor admitted (RC411). Starts as the template says; set_unique_member_emails changes it.';

-- NOTE: the rule compares addresses case-insensitively; members.email is auth.users.email, copied.
create index members_email_idx on rolecall.members (lower(email));

-- triggers

create function rolecall_private.take_template_unique_member_emails() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.unique_member_emails := new.unique_member_emails
    or coalesce((select t.unique_member_emails from rolecall.templates t where t.key = new.template), false);
  return new;
end;
$$;
comment on function rolecall_private.take_template_unique_member_emails() is 'Trigger: a new organization starts with unique_member_emails on when its template asks for it.';
revoke execute on function rolecall_private.take_template_unique_member_emails() from public;

create trigger organizations_take_template_unique_member_emails before insert on rolecall.organizations
  for each row execute function rolecall_private.take_template_unique_member_emails();

-- functions

create function rolecall_private.assert_email_unique_elsewhere(p_org uuid, p_email text) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select o.unique_member_emails from rolecall.organizations o where o.id = p_org)
     and exists (select 1 from rolecall.members m
                  where lower(m.email) = lower(p_email) and m.organization_id <> p_org) then
    raise exception '% is already used by a user of another organization; this organization needs an address of its own', p_email
      using errcode = 'RC411', detail = p_email,
            hint = 'Invite another address, or turn off unique member emails (set_unique_member_emails).';
  end if;
end;
$$;
comment on function rolecall_private.assert_email_unique_elsewhere(uuid, text) is 'Payments platform "Unique email addresses must be used for creating Users": in an organization with unique_member_emails, an address that is a member of another organization is refused (RC411). Used on invite and on accept.';
revoke execute on function rolecall_private.assert_email_unique_elsewhere(uuid, text) from public;

create function rolecall.set_unique_member_emails(p_org uuid, p_on boolean) returns rolecall.organizations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.require_permission(p_org, 'settings.manage');
begin
  if p_on is null then
    raise exception 'Say whether member emails must be unique: true or false' using errcode = 'RC308';
  end if;
  perform rolecall_private.audit_as('organizations.set_unique_member_emails');
  update rolecall.organizations o set unique_member_emails = p_on
   where o.id = p_org and o.unique_member_emails <> p_on;
  return (select o from rolecall.organizations o where o.id = p_org);
end;
$$;
comment on function rolecall.set_unique_member_emails(uuid, boolean) is 'Turns organizations.unique_member_emails on or off (invitations and accepts of addresses that are members elsewhere: RC411). Needs settings.manage; existing members stay.';
revoke execute on function rolecall.set_unique_member_emails(uuid, boolean) from public;
grant execute on function rolecall.set_unique_member_emails(uuid, boolean) to authenticated, service_role;
