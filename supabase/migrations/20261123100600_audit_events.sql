-- The audit trail: one append-only row per change to organizations, members, roles, policies,
-- overrides, resource grants and invitations, written by triggers so no path (RPC, REST, SQL
-- editor) can skip it.

-- tables

create table rolecall.audit_events (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  actor_id uuid,
  actor_role text not null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  before jsonb,
  after jsonb,
  request_ip inet,
  created_at timestamptz not null default now()
);
comment on table rolecall.audit_events is 'Append-only audit trail. No foreign key to organizations on purpose: the trail outlives what it describes.';
comment on column rolecall.audit_events.actor_id is 'auth.uid() of the caller; null for operators (service role, SQL editor).';
comment on column rolecall.audit_events.actor_role is 'The database role of the request: authenticated, service_role, postgres, ...';
comment on column rolecall.audit_events.action is 'What happened: the RPC''s action name (members.change_role) or <table>.<insert|update|delete> for direct writes.';
comment on column rolecall.audit_events.subject_type is 'The table changed; subject_id its row key.';
comment on column rolecall.audit_events.before is 'The row before the change (null on insert); token hashes are left out.';
comment on column rolecall.audit_events.request_ip is 'The client address as the API gateway saw it (see rolecall_private.request_ip()).';
create index audit_events_organization_idx on rolecall.audit_events (organization_id, created_at desc);

-- triggers

create function rolecall_private.forbid_audit_change() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  raise exception 'The audit trail is append-only' using errcode = 'RC110';
end;
$$;
comment on function rolecall_private.forbid_audit_change() is 'Trigger: audit events are never updated or deleted, not even by operators.';
revoke execute on function rolecall_private.forbid_audit_change() from public;

create trigger audit_events_append_only before update or delete on rolecall.audit_events
  for each row execute function rolecall_private.forbid_audit_change();
create trigger audit_events_no_truncate before truncate on rolecall.audit_events
  for each statement execute function rolecall_private.forbid_audit_change();

-- RLS (the read policy follows the access helpers); only triggers write.

alter table rolecall.audit_events enable row level security;
grant select on rolecall.audit_events to authenticated;
grant select, insert on rolecall.audit_events to service_role;

-- functions

create function rolecall_private.request_ip() returns inet
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_forwarded text := nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-forwarded-for';
  v_hops integer := coalesce(nullif(current_setting('rolecall.trusted_proxy_hops', true), '')::integer, 0);
  v_parts text[];
begin
  -- An edge function acting for a verified user (rolecall_private.act_as) passes the address of its
  -- own caller; PostgREST gives API clients no way to set this setting.
  if nullif(current_setting('rolecall.client_ip', true), '') is not null then
    return current_setting('rolecall.client_ip', true)::inet;
  end if;
  if v_forwarded is null then
    return null;
  end if;
  -- NOTE: every proxy appends the address it received the connection from, so what a client sends
  -- itself stands on the left. Counting from the right past the known proxy hops yields an address
  -- no client can choose.
  v_parts := regexp_split_to_array(btrim(v_forwarded), '\s*,\s*');
  if cardinality(v_parts) <= v_hops then
    return null;
  end if;
  return v_parts[cardinality(v_parts) - v_hops]::inet;
exception when invalid_text_representation then
  return null;
end;
$$;
comment on function rolecall_private.request_ip() is 'Client IP of the current API request: the address an edge function vouched for (rolecall.client_ip), else the x-forwarded-for entry the last trusted proxy appended (rolecall.trusted_proxy_hops, default 0 = rightmost). Null outside an API request.';
revoke execute on function rolecall_private.request_ip() from public;
-- NOTE: only SECURITY DEFINER functions (the audit trigger, the IP checks) call it; no grant to authenticated.
grant execute on function rolecall_private.request_ip() to service_role;

create function rolecall_private.audit_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(coalesce(new, old));
  v_before jsonb := case when tg_op = 'INSERT' then null else to_jsonb(old) - 'token_hash' end;
  v_after jsonb := case when tg_op = 'DELETE' then null else to_jsonb(new) - 'token_hash' end;
  v_subject text;
begin
  if v_before is not distinct from v_after then
    return null;
  end if;
  v_subject := coalesce(
    v_row ->> 'id',
    concat_ws('/', v_row ->> 'member_id', v_row ->> 'role_id', v_row ->> 'policy_id', v_row ->> 'permission_key')
  );
  insert into rolecall.audit_events (organization_id, actor_id, actor_role, action, subject_type, subject_id, before, after, request_ip)
  values (
    coalesce((v_row ->> 'organization_id')::uuid, (v_row ->> 'id')::uuid),
    auth.uid(),
    coalesce(auth.role(), session_user::text),
    coalesce(nullif(current_setting('rolecall.action', true), ''), tg_table_name || '.' || lower(tg_op)),
    tg_table_name,
    v_subject,
    v_before,
    v_after,
    rolecall_private.request_ip()
  );
  return null;
end;
$$;
comment on function rolecall_private.audit_change() is 'Trigger: writes one audit event per changed row. RPC functions name the action with set_config(''rolecall.action'', ...).';
revoke execute on function rolecall_private.audit_change() from public;

create trigger organizations_audit after insert or update or delete on rolecall.organizations
  for each row execute function rolecall_private.audit_change();
create trigger members_audit after insert or update or delete on rolecall.members
  for each row execute function rolecall_private.audit_change();
create trigger roles_audit after insert or update or delete on rolecall.roles
  for each row execute function rolecall_private.audit_change();
create trigger policies_audit after insert or update or delete on rolecall.policies
  for each row execute function rolecall_private.audit_change();
create trigger policy_permissions_audit after insert or update or delete on rolecall.policy_permissions
  for each row execute function rolecall_private.audit_change();
create trigger role_policies_audit after insert or update or delete on rolecall.role_policies
  for each row execute function rolecall_private.audit_change();
create trigger member_overrides_audit after insert or update or delete on rolecall.member_overrides
  for each row execute function rolecall_private.audit_change();
create trigger resource_grants_audit after insert or update or delete on rolecall.resource_grants
  for each row execute function rolecall_private.audit_change();
create trigger invitations_audit after insert or update or delete on rolecall.invitations
  for each row execute function rolecall_private.audit_change();
