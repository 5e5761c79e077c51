-- Members (a user in an organization, with one role), their per-member permission checkboxes
-- (overrides) and their access to single resources (a project, a budget, a card).
-- Resource types are the vendor's: Rolecall cannot know which table holds a "project", so each type
-- is registered in rolecall_private.resource_types (the table, its id and organization columns).
-- set_resource_grants grants only ids of registered types that are rows of the member's own
-- organization (rolecall_private.resource_ids_in), so a grant never names another tenant's row.
-- IP allowlists (payments platform: "enter the whitelisted IP addresses or IP ranges of the users"):
-- members.ip_allowlist keeps each entry as the admin typed it (an address, a CIDR network or a
-- `first-last` range, IPv4 or IPv6), so it is shown back unchanged; members.ip_ranges is generated
-- from it by the one parser (rolecall_private.ip_ranges, RC303) as (low, high) host-address pairs,
-- so every path that writes an allowlist (set_ip_allowlist, accepting an invitation, an operator's
-- update) is parsed the same way, and rolecall_private.ip_allowed compares two inet values per entry.

-- types

create type rolecall.ip_range as (low inet, high inet);
comment on type rolecall.ip_range is 'One IP allowlist entry, parsed: the first and last host address it covers (both with a full mask, same family). An address is low = high; a CIDR network runs from its network to its broadcast address.';

-- functions (first: the members table's generated column uses it)

create function rolecall_private.ip_ranges(p_entries text[]) returns rolecall.ip_range[]
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  v_entry text;
  v_text text;
  v_low inet;
  v_high inet;
  v_result rolecall.ip_range[] := '{}';
begin
  if cardinality(p_entries) > 100 then
    raise exception 'An allowlist holds at most 100 entries' using errcode = 'RC303', detail = format('%s entries', cardinality(p_entries));
  end if;
  foreach v_entry in array coalesce(p_entries, '{}') loop
    v_text := btrim(coalesce(v_entry, ''));
    v_low := null;
    v_high := null;
    begin
      if v_text ~ '^[^/-]+-[^/-]+$' then
        -- "whitelisted IP addresses or IP ranges": first-last, both plain addresses
        v_low := btrim(split_part(v_text, '-', 1))::inet;
        v_high := btrim(split_part(v_text, '-', 2))::inet;
      elsif v_text ~ '^[^-]+$' then
        v_low := v_text::inet;
      end if;
    exception when invalid_text_representation or data_exception then
      v_low := null;
    end;
    if v_low is null then
      raise exception 'Not an IP address or range: "%"', v_entry
        using errcode = 'RC303', detail = v_entry,
              hint = 'Use 203.0.113.7, 203.0.113.0/24, 203.0.113.10-203.0.113.20 or 2001:db8::/32.';
    end if;
    if v_high is null then
      -- NOTE: 10.0.0.5/24 is probably a typo for a network or for one address; say which network it is
      -- rather than guess (the cidr type's own message, "has bits set to right of mask", names neither).
      if v_low <> network(v_low)::inet then
        raise exception '"%" has host bits set: the network is %', v_text, network(v_low)
          using errcode = 'RC303', detail = v_entry,
                hint = format('Enter %s for the network, or %s for the one address.', network(v_low), host(v_low));
      end if;
      v_high := broadcast(v_low);
      v_low := network(v_low)::inet;
    elsif family(v_low) <> family(v_high) then
      raise exception 'The range "%" mixes IPv4 and IPv6', v_text using errcode = 'RC303', detail = v_entry;
    elsif masklen(v_low) <> masklen(v_high) or v_low > v_high then
      raise exception 'The range "%" must run from two plain addresses, the lower first', v_text using errcode = 'RC303', detail = v_entry;
    end if;
    v_result := v_result || row(
      set_masklen(v_low, case family(v_low) when 4 then 32 else 128 end),
      set_masklen(v_high, case family(v_high) when 4 then 32 else 128 end))::rolecall.ip_range;
  end loop;
  return v_result;
end;
$$;
comment on function rolecall_private.ip_ranges(text[]) is 'The one IP allowlist parser: each entry an address, a CIDR network without host bits (the message names the network) or a first-last range within one family, at most 100 entries (RC303, detail the entry). Generates members.ip_ranges, checks invitations.ip_allowlist, and set_ip_allowlist / create_invitation call it first to refuse early.';
revoke execute on function rolecall_private.ip_ranges(text[]) from public;
-- generated columns and check constraints run with the writing role's rights: operators write rows too
grant execute on function rolecall_private.ip_ranges(text[]) to service_role;

create function rolecall_private.valid_allowlist(p_entries text[]) returns text[]
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  perform rolecall_private.ip_ranges(p_entries);
  return array(select btrim(e) from unnest(coalesce(p_entries, '{}')) with ordinality as x (e, n) order by n);
end;
$$;
comment on function rolecall_private.valid_allowlist(text[]) is 'An allowlist as the RPCs store it: each entry checked by rolecall_private.ip_ranges (RC303) and kept as entered, without surrounding spaces.';
revoke execute on function rolecall_private.valid_allowlist(text[]) from public;

-- tables

create table rolecall.members (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role_id uuid not null,
  status rolecall.member_status not null default 'active',
  is_primary boolean not null default false,
  ip_allowlist text[] not null default '{}',
  ip_ranges rolecall.ip_range[] not null generated always as (rolecall_private.ip_ranges(ip_allowlist)) stored,
  email text not null default '',
  display_name text not null default '',
  notifications boolean not null default true,
  deactivated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, user_id),
  unique (id, organization_id),
  foreign key (role_id, organization_id) references rolecall.roles (id, organization_id),
  check (cardinality(ip_allowlist) <= 100),
  check ((status = 'deactivated') = (deactivated_at is not null))
);
comment on table rolecall.members is 'A user in an organization: one role, a status, optional IP allowlist. Exactly one member per organization is primary.';
comment on column rolecall.members.is_primary is 'The protected first admin / owner / subscriber-designated admin: exactly one per organization, always active, always in an all-permissions role; only they (by transfer) or an operator change it.';
comment on column rolecall.members.ip_allowlist is 'Addresses and ranges this member may act from, as entered (203.0.113.7, 203.0.113.0/24, 203.0.113.10-203.0.113.20, IPv6 alike); empty means anywhere. Outside it the member holds no permission.';
comment on column rolecall.members.ip_ranges is 'ip_allowlist parsed by rolecall_private.ip_ranges (generated): one (low, high) pair per entry, in the same order; what rolecall_private.ip_allowed checks.';
comment on column rolecall.members.email is 'Copy of auth.users.email, kept in sync by a trigger, so admins can list members without reading auth.users.';
comment on column rolecall.members.notifications is 'Whether this member (if an admin) receives notification emails.';
create unique index members_one_primary on rolecall.members (organization_id) where is_primary;
create index members_user_idx on rolecall.members (user_id);
create index members_role_idx on rolecall.members (role_id);

create table rolecall.member_overrides (
  member_id uuid not null,
  organization_id uuid not null,
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  effect rolecall.override_effect not null,
  created_at timestamptz not null default now(),
  primary key (member_id, permission_key),
  foreign key (member_id, organization_id) references rolecall.members (id, organization_id) on delete cascade
);
comment on table rolecall.member_overrides is 'Per-member permission checkboxes: grant adds a permission the role lacks, deny removes one it gives. Only for roles with member_overrides.';
create index member_overrides_organization_idx on rolecall.member_overrides (organization_id);

create table rolecall.resource_grants (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null,
  organization_id uuid not null,
  resource_type text not null check (resource_type ~ '^[a-z][a-z0-9_]*$'),
  resource_id text not null check (btrim(resource_id) <> ''),
  granted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (member_id, resource_type, resource_id),
  foreign key (member_id, organization_id) references rolecall.members (id, organization_id) on delete cascade
);
comment on table rolecall.resource_grants is 'Access to one resource (a project, a budget, a card): rolecall.has_resource_access(org, type, id) checks it; child rows (documents of a project) follow their parent.';
create index resource_grants_lookup_idx on rolecall.resource_grants (organization_id, resource_type, resource_id);

create table rolecall_private.resource_types (
  resource_type text primary key check (resource_type ~ '^[a-z][a-z0-9_]*$'),
  table_schema name not null,
  table_name name not null,
  id_column name not null default 'id',
  organization_column name not null default 'organization_id',
  description text not null default ''
);
comment on table rolecall_private.resource_types is 'The vendor''s resource types that members may be granted one by one (rolecall.set_resource_grants): which table holds them, its id column and its organization column. Register a type with an insert (a migration of the vendor''s); a grant names only a row of that table in the member''s organization (RC305 another organization''s, RC306 none).';
comment on column rolecall_private.resource_types.id_column is 'The column resource ids refer to (compared in its own type, so its index serves the check); grants store its text form.';

-- triggers

create trigger members_touch_updated_at before update on rolecall.members
  for each row execute function rolecall_private.touch_updated_at();

create function rolecall_private.without_control_characters(p_text text) returns text
language sql immutable security invoker set search_path = ''
as $$
  select regexp_replace(p_text, '[\u0001-\u001f\u007f-\u009f\u2028\u2029]+', ' ', 'g')
$$;
comment on function rolecall_private.without_control_characters(text) is 'The text with every run of control characters (C0, DEL, C1, U+2028/2029) replaced by one space: the one definition of what may not reach an email header or a one-line label.';
revoke execute on function rolecall_private.without_control_characters(text) from public;

create function rolecall_private.member_display_name(p_meta jsonb) returns text
language sql immutable security invoker set search_path = ''
as $$
  -- NOTE: user metadata is whatever the user sent to Auth; the name is shown to admins and placed in
  -- notification emails, so it arrives here on one line and of a sane length.
  select left(btrim(rolecall_private.without_control_characters(coalesce(p_meta ->> 'full_name', p_meta ->> 'name', ''))), 200)
$$;
comment on function rolecall_private.member_display_name(jsonb) is 'A member''s display name from the user''s metadata (full_name, else name): control characters replaced by spaces, trimmed, at most 200 characters.';
revoke execute on function rolecall_private.member_display_name(jsonb) from public;

create function rolecall_private.fill_member_identity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select coalesce(u.email, ''), rolecall_private.member_display_name(u.raw_user_meta_data)
    into new.email, new.display_name
    from auth.users u where u.id = new.user_id;
  return new;
end;
$$;
comment on function rolecall_private.fill_member_identity() is 'Trigger: copies the user''s email and name into a new member row.';
revoke execute on function rolecall_private.fill_member_identity() from public;

create trigger members_fill_identity before insert on rolecall.members
  for each row execute function rolecall_private.fill_member_identity();

create function rolecall_private.sync_member_identity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update rolecall.members m
     set email = coalesce(new.email, ''),
         display_name = rolecall_private.member_display_name(new.raw_user_meta_data)
   where m.user_id = new.id;
  return null;
end;
$$;
comment on function rolecall_private.sync_member_identity() is 'Trigger on auth.users: keeps members.email and display_name in step with the user.';
revoke execute on function rolecall_private.sync_member_identity() from public;

create trigger rolecall_sync_member_identity after update of email, raw_user_meta_data on auth.users
  for each row execute function rolecall_private.sync_member_identity();

create function rolecall_private.enforce_role_capacity() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_max integer;
  v_name text;
begin
  -- NOTE: locking the role row serialises concurrent joins, so max_members holds under races.
  select r.max_members, r.name into v_max, v_name from rolecall.roles r where r.id = new.role_id for update;
  if v_max is not null
     and (select count(*) from rolecall.members m where m.role_id = new.role_id and m.id <> new.id) >= v_max then
    raise exception 'Role "%" already has its maximum of % member(s)', v_name, v_max
      using errcode = 'RC203', detail = format('role %s', new.role_id);
  end if;
  return new;
end;
$$;
comment on function rolecall_private.enforce_role_capacity() is 'Trigger: a role never holds more than max_members members (one Admin in single-admin mode).';
revoke execute on function rolecall_private.enforce_role_capacity() from public;

create trigger members_enforce_role_capacity before insert or update of role_id on rolecall.members
  for each row execute function rolecall_private.enforce_role_capacity();

-- RLS (policies follow the access helpers); writes go through RPC functions only.

alter table rolecall.members enable row level security;
alter table rolecall.member_overrides enable row level security;
alter table rolecall.resource_grants enable row level security;
alter table rolecall_private.resource_types enable row level security;

grant select on rolecall.members, rolecall.member_overrides, rolecall.resource_grants to authenticated;
grant all on rolecall.members, rolecall.member_overrides, rolecall.resource_grants to service_role;
grant all on rolecall_private.resource_types to service_role;

-- policies (the member tables' read policies follow the access helpers)

-- NOTE: the service role bypasses RLS anyway; the policy states who the registry is for.
create policy "Operators manage the resource type registry"
  on rolecall_private.resource_types for all to service_role using (true) with check (true);
