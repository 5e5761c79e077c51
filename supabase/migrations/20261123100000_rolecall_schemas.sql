-- Rolecall's schemas and enum types.
-- `rolecall` is exposed to the API (tables, views and the RPC functions clients call);
-- `rolecall_private` holds SECURITY DEFINER helpers and trigger functions and is never exposed,
-- so nothing in it can be called over REST.

create schema if not exists rolecall;
comment on schema rolecall is 'Rolecall: team roles, permission policies, members, invitations and their audit trail. Exposed to the API; every table has RLS.';

create schema if not exists rolecall_private;
comment on schema rolecall_private is 'Rolecall internals: SECURITY DEFINER helpers used by RLS policies and RPC functions. Not exposed to the API.';

-- types

create type rolecall.admin_mode as enum ('multi', 'single');
comment on type rolecall.admin_mode is 'multi: any number of equal admins (Jusnote); single: exactly one Admin, promoting another demotes the old one (Paycove).';

create type rolecall.member_status as enum ('active', 'deactivated');
comment on type rolecall.member_status is 'A deactivated member keeps its row, role and overrides but holds no permission until reactivated.';

create type rolecall.permission_kind as enum ('action', 'page');
comment on type rolecall.permission_kind is 'action: may do something (approve a bill); page: may open a section of the product (Reports tab).';

create type rolecall.override_effect as enum ('grant', 'deny');
comment on type rolecall.override_effect is 'A per-member checkbox: grant adds a permission the role lacks, deny removes one the role gives.';

create type rolecall.invitation_status as enum ('pending', 'accepted', 'declined', 'revoked', 'expired');
comment on type rolecall.invitation_status is 'pending until accepted, declined, revoked by an admin or past its expiry.';

-- grants: the API roles may see the schema; each object grants its own privileges.

grant usage on schema rolecall to anon, authenticated, service_role;
grant usage on schema rolecall_private to authenticated, service_role;

-- functions

create function rolecall_private.touch_updated_at() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function rolecall_private.touch_updated_at() is 'Trigger: keeps updated_at current on every update.';
revoke execute on function rolecall_private.touch_updated_at() from public;
