-- Invitations: an email invited to a role, with initial checkboxes and an IP allowlist. The token
-- is never stored, only its SHA-256, so a database leak yields no usable link.
-- Addresses are checked by one rule (rolecall_private.is_valid_email), the table's own constraint,
-- so no path stores an address an email header or a spreadsheet would misread.

-- functions (first: the table's check constraint uses it)

create function rolecall_private.is_valid_email(p_email text) returns boolean
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  -- NOTE: the address shape Supabase Auth accepts (the HTML5 email pattern, ASCII only: no spaces,
  -- quotes, angle brackets, parentheses, commas or semicolons), lower case, a dot in the domain, and
  -- stricter where a mailed or exported address could be misread: the local part does not start
  -- with a spreadsheet formula character (= + - @ |) or a dot, has no two dots in a row, and fits
  -- RFC 5321 (64 characters before the @, 254 in all).
  return p_email is not null
     and length(p_email) <= 254
     and p_email = lower(btrim(p_email))
     and p_email ~ '^[a-z0-9!#$%&''*/?^_`{}~][a-z0-9.!#$%&''*+/=?^_`{|}~-]{0,63}@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'
     and split_part(p_email, '@', 1) !~ '(\.\.|\.$)';
end;
$$;
comment on function rolecall_private.is_valid_email(text) is 'Whether an address may be invited: lower case, the shape Supabase Auth accepts, no quotes, angle brackets or leading formula characters (= + - @), at most 254 characters. The invitations table''s check constraint and create_invitation (RC408) use it.';
revoke execute on function rolecall_private.is_valid_email(text) from public;
-- the check constraint runs with the inserting role's rights: operators (service_role) may insert rows
grant execute on function rolecall_private.is_valid_email(text) to service_role;

-- tables

create table rolecall.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  email text not null check (rolecall_private.is_valid_email(email)),
  role_id uuid not null,
  grants text[] not null default '{}',
  denies text[] not null default '{}',
  -- the members' parser (RC303): an invitation never carries an allowlist accepting could not store
  ip_allowlist text[] not null default '{}' check (cardinality(rolecall_private.ip_ranges(ip_allowlist)) = cardinality(ip_allowlist)),
  -- Jusnote: "Адміністратор може визначити доступ … безпосередньо при запрошенні особи в систему"
  resource_grants jsonb not null default '{}' check (jsonb_typeof(resource_grants) = 'object'),
  token_hash bytea not null unique check (length(token_hash) = 32),
  status rolecall.invitation_status not null default 'pending',
  expires_at timestamptz not null,
  send_count integer not null default 1 check (send_count >= 1),
  last_sent_at timestamptz not null default now(),
  language text not null default 'en' check (language in ('en', 'uk')),
  invited_by uuid references auth.users (id) on delete set null,
  accepted_by uuid references auth.users (id) on delete set null,
  responded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (role_id, organization_id) references rolecall.roles (id, organization_id) on delete cascade,
  check (not (grants && denies))
);
comment on table rolecall.invitations is 'Invitations by email (payments-platform flow): single-use token stored as a hash, expiry, resend count. One pending invitation per organization and email.';
comment on column rolecall.invitations.ip_allowlist is 'The IP allowlist the member starts with, entries as entered (rolecall_private.ip_ranges parses them); copied to members.ip_allowlist on accept.';
comment on column rolecall.invitations.grants is 'Permission keys ticked at invitation time; become member overrides on accept.';
comment on column rolecall.invitations.resource_grants is 'Resources the member is granted on accept, by type: {"project": ["<id>", ...], "budget": [...]}; checked when inviting and again on accept (rolecall_private.invitation_resource_grants).';
comment on column rolecall.invitations.token_hash is 'sha256 of the link token; the token itself exists only in the email.';
comment on column rolecall.invitations.send_count is 'How many times it was sent; each resend replaces the token, so older links stop working.';
create unique index invitations_one_pending on rolecall.invitations (organization_id, email) where status = 'pending';
create index invitations_email_idx on rolecall.invitations (email);
create index invitations_role_idx on rolecall.invitations (role_id);

-- triggers

create trigger invitations_touch_updated_at before update on rolecall.invitations
  for each row execute function rolecall_private.touch_updated_at();

-- RLS (policies follow the access helpers); writes go through RPC functions only.

alter table rolecall.invitations enable row level security;
grant select on rolecall.invitations to authenticated;
grant all on rolecall.invitations to service_role;
