-- Product checkboxes of an organization: what its product shows on a member's card, with the
-- product's own labels. JustPaid's six boxes ("Approve Bills", "Bank Transactions", ...), Jusnote's
-- four permission types (Адміністратор, Банківські рахунки, Звіти, Інвойси), Profit's lists per
-- section. Copied from the template when the organization is created (like roles and policies), so
-- each organization's list is its own.
--
-- A checkbox stands for either
--   a bundle of catalog keys (checkbox_permissions): ticking it grants every key of the bundle as
--     member overrides, unticking clears them ("Bank Transactions" = bank_transactions.create +
--     bills.pay: "Entrust users to make payments for approved bills");
--   a role (role_id): ticking it moves the member into that role. Jusnote's permission type
--     "Адміністратор" ("зможе налаштовувати систему, додавати або деактивовувати Користувачів,
--     призначати додаткових Адміністраторів") is exactly what the Адміністратор role holds; a
--     bundle could not carry it, because rank rules keep a User from managing fellow Users. Ticking
--     it is a role change, under every change_member_role rule (only an admin may).
-- always_on marks keys every active member holds and no override can deny (Jusnote: "Список
-- контактів є видимим незалежно від рівня типу дозволу"); role_member_holds applies it.
-- Organizations without checkboxes (blank template, custom setups) keep the key-level API: member
-- overrides name catalog keys directly. Checkbox keys have no dot, permission keys always one, so
-- set_member_overrides and invitations accept both in one list.

-- tables

create table rolecall.checkboxes (
  organization_id uuid not null references rolecall.organizations (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  section text not null references rolecall.permission_sections (key) on update cascade,
  label_en text not null check (btrim(label_en) <> ''),
  label_uk text not null check (btrim(label_uk) <> ''),
  description_en text not null default '',
  description_uk text not null default '',
  role_id uuid,
  always_on boolean not null default false,
  position integer not null default 0,
  primary key (organization_id, key),
  foreign key (role_id, organization_id) references rolecall.roles (id, organization_id) on delete cascade,
  check (not (always_on and role_id is not null))
);
comment on table rolecall.checkboxes is 'The product''s checkboxes in an organization, with the product''s labels: a bundle of permission keys (checkbox_permissions) or a role (role_id: ticking moves the member into it). Copied from rolecall.template_checkboxes at creation.';
comment on column rolecall.checkboxes.role_id is 'A checkbox that stands for a role (Jusnote "Адміністратор"): ticked when the member has that role; ticking it changes the member''s role.';
comment on column rolecall.checkboxes.always_on is 'Every active member holds its keys and no override can deny them (Jusnote: contacts are visible whatever the permission type). Shown ticked and locked.';
create index checkboxes_role_idx on rolecall.checkboxes (role_id, organization_id);
create index checkboxes_section_idx on rolecall.checkboxes (section);

create table rolecall.checkbox_permissions (
  organization_id uuid not null,
  checkbox_key text not null,
  permission_key text not null references rolecall.permissions (key) on update cascade on delete cascade,
  primary key (organization_id, checkbox_key, permission_key),
  foreign key (organization_id, checkbox_key) references rolecall.checkboxes (organization_id, key) on update cascade on delete cascade
);
comment on table rolecall.checkbox_permissions is 'The catalog keys each checkbox stands for.';
create index checkbox_permissions_key_idx on rolecall.checkbox_permissions (permission_key, organization_id);

-- RLS: members read their organization's checkboxes; writes only by operators (and the template copy).

alter table rolecall.checkboxes enable row level security;
alter table rolecall.checkbox_permissions enable row level security;

grant select on rolecall.checkboxes, rolecall.checkbox_permissions to authenticated;
grant all on rolecall.checkboxes, rolecall.checkbox_permissions to service_role;

-- policies

create policy "Checkboxes are visible to members of the same organization"
  on rolecall.checkboxes for select to authenticated
  using (organization_id = any ((select rolecall_private.my_organization_ids())::uuid[]));
create policy "Checkbox permissions are visible to members of the same organization"
  on rolecall.checkbox_permissions for select to authenticated
  using (organization_id = any ((select rolecall_private.my_organization_ids())::uuid[]));

-- functions

create function rolecall_private.expand_checkboxes(p_org uuid, p_keys text[], p_denying boolean) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_key text;
begin
  -- a key without a dot names a checkbox of the organization; anything else is a catalog key
  select k into v_key from unnest(coalesce(p_keys, '{}')) as k
   where k !~ '\.' and not exists (select 1 from rolecall.checkboxes cb where cb.organization_id = p_org and cb.key = k)
   limit 1;
  if v_key is not null then
    raise exception 'Unknown permission or checkbox "%"', v_key using errcode = 'RC301', detail = v_key;
  end if;
  if p_denying then
    -- "no override can deny" an always-on key (Jusnote contacts)
    select cp.permission_key into v_key
      from rolecall.checkbox_permissions cp
      join rolecall.checkboxes cb on cb.organization_id = cp.organization_id and cb.key = cp.checkbox_key
     where cp.organization_id = p_org and cb.always_on
       and (cp.permission_key = any (p_keys) or cb.key = any (p_keys))
     limit 1;
    if v_key is not null then
      raise exception 'Permission "%" is always on in this organization and cannot be denied', v_key
        using errcode = 'RC308', detail = v_key;
    end if;
  end if;
  return array(
    select distinct x.key from (
      select k as key from unnest(coalesce(p_keys, '{}')) as k where k ~ '\.'
      union all
      select cp.permission_key
        from unnest(coalesce(p_keys, '{}')) as k
        join rolecall.checkbox_permissions cp on cp.organization_id = p_org and cp.checkbox_key = k
    ) x order by x.key);
end;
$$;
comment on function rolecall_private.expand_checkboxes(uuid, text[], boolean) is 'The catalog keys a list of checkbox keys and/or permission keys stands for, in one organization (a role box stands for no key: see checkbox_role). Unknown checkbox RC301; denying an always-on key or box RC308. Used by set_member_overrides and invitations.';
revoke execute on function rolecall_private.expand_checkboxes(uuid, text[], boolean) from public;

create function rolecall_private.checkbox_role(p_org uuid, p_keys text[]) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select cb.role_id from rolecall.checkboxes cb
           where cb.organization_id = p_org and cb.role_id is not null and cb.key = any (coalesce(p_keys, '{}'))
           order by cb.position, cb.key limit 1);
end;
$$;
comment on function rolecall_private.checkbox_role(uuid, text[]) is 'The role a ticked role checkbox stands for (Jusnote "Адміністратор"), or null when none of the keys is one.';
revoke execute on function rolecall_private.checkbox_role(uuid, text[]) from public;
