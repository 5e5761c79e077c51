-- Closing an organization (Jusnote: "Системний адміністратор облікового запису може закрити
-- (анулювати) обліковий запис в Jusnote в будь-який час ... натиснути на кнопку "Закрити аккаунт"").
--
-- Why a typed-back name rather than a preview + confirm pair: closing is one click in the product, and
-- a confirmation that names what happens is the dialog's job; the database only needs proof that the
-- caller meant this organization. close_organization therefore takes the organization's name typed
-- back (compared trimmed and case-insensitively), and preview_close_organization returns what the
-- dialog shows (the name to type, how many members lose access, that the audit trail stays).
--
-- What closing does: organizations.closed_at is set; from then on the access helpers
-- (20261123100700: role_member_holds, my_organization_ids) and rolecall_private.actor() treat the
-- organization as granting nobody anything: no permission, no team reads, no RPC (RC102). Nothing is
-- deleted, so an operator can reopen it as it was (ops_reopen_organization), or purge it
-- (ops_purge_organization: every row of the organization goes, by the foreign keys' cascades; the
-- audit trail has no foreign key to organizations and stays, with one event per deleted row).
-- Only the primary closes (RC105): the primary is the subscriber's designated administrator.

-- functions

create function rolecall_private.close_plan(p_org uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_actor rolecall.members := rolecall_private.actor(p_org);
begin
  if not v_actor.is_primary then
    raise exception 'Only the primary member can close the organization' using errcode = 'RC105',
      detail = format('member %s', v_actor.id);
  end if;
  return (
    select jsonb_build_object(
      'organization_id', o.id,
      'name', o.name,
      'members_losing_access', (select count(*) from rolecall.members m where m.organization_id = o.id and m.status = 'active'),
      'pending_invitations_stop', (select count(*) from rolecall.invitations i where i.organization_id = o.id and i.status = 'pending'),
      'audit_trail_kept', true,
      'reopened_by', 'support')
      from rolecall.organizations o where o.id = p_org);
end;
$$;
comment on function rolecall_private.close_plan(uuid) is 'Locks the organization, checks that the caller is its primary (RC102 / RC105) and describes what closing does. Shared by close_organization and its preview.';
revoke execute on function rolecall_private.close_plan(uuid) from public;

create function rolecall.preview_close_organization(p_org uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
-- NOTE: volatile although it writes nothing: close_plan locks the organization row (FOR UPDATE).
begin
  return rolecall_private.close_plan(p_org);
end;
$$;
comment on function rolecall.preview_close_organization(uuid) is 'What close_organization would do, for the confirmation dialog: the name to type back, how many active members lose access, pending invitations that stop working, and that the audit trail stays. Only the primary (RC105); changes nothing.';
revoke execute on function rolecall.preview_close_organization(uuid) from public;
grant execute on function rolecall.preview_close_organization(uuid) to authenticated, service_role;

create function rolecall.close_organization(p_org uuid, p_confirm_name text) returns rolecall.organizations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_plan jsonb := rolecall_private.close_plan(p_org);
begin
  if lower(btrim(coalesce(p_confirm_name, ''))) <> lower(btrim(v_plan ->> 'name')) then
    raise exception 'Type the organization''s name to confirm closing it' using errcode = 'RC308',
      detail = 'p_confirm_name does not match the organization''s name';
  end if;
  perform rolecall_private.audit_as('organizations.close');
  update rolecall.organizations o set closed_at = now() where o.id = p_org;
  return (select o from rolecall.organizations o where o.id = p_org);
end;
$$;
comment on function rolecall.close_organization(uuid, text) is 'Jusnote "Закрити аккаунт": the primary closes the organization after typing its name back (RC308 if it differs, RC105 for anyone else). Every member loses access at once; nothing is deleted and the audit trail stays; an operator can reopen or purge it.';
revoke execute on function rolecall.close_organization(uuid, text) from public;
grant execute on function rolecall.close_organization(uuid, text) to authenticated, service_role;

create function rolecall.ops_reopen_organization(p_org uuid) returns rolecall.organizations
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform rolecall_private.lock_organization(p_org);
  perform rolecall_private.audit_as('ops.reopen_organization');
  update rolecall.organizations o set closed_at = null where o.id = p_org and o.closed_at is not null;
  return (select o from rolecall.organizations o where o.id = p_org);
end;
$$;
comment on function rolecall.ops_reopen_organization(uuid) is 'Operators only: reopens a closed organization exactly as it was (members, roles, checkboxes). RC306 if unknown.';
revoke execute on function rolecall.ops_reopen_organization(uuid) from public, anon, authenticated;
grant execute on function rolecall.ops_reopen_organization(uuid) to service_role;

create function rolecall.ops_purge_organization(p_org uuid) returns rolecall.organizations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org rolecall.organizations;
begin
  perform rolecall_private.lock_organization(p_org);
  select * into v_org from rolecall.organizations o where o.id = p_org;
  if v_org.closed_at is null then
    raise exception 'Close the organization before purging it' using errcode = 'RC308',
      detail = format('organization %s is open', p_org);
  end if;
  perform rolecall_private.audit_as('ops.purge_organization');
  delete from rolecall.organizations o where o.id = p_org;
  return v_org;
end;
$$;
comment on function rolecall.ops_purge_organization(uuid) is 'Operators only: deletes a closed organization and every row that belongs to it (RC308 while it is open, RC306 if unknown); the audit trail stays. Returns the organization as it was.';
revoke execute on function rolecall.ops_purge_organization(uuid) from public, anon, authenticated;
grant execute on function rolecall.ops_purge_organization(uuid) to service_role;
