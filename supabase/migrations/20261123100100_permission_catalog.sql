-- The permission catalog: every permission a product can check, grouped in sections, labelled in
-- English and Ukrainian. One catalog per deployment (the vendor supplies its own rows); Rolecall
-- ships a finance catalog in the next migration.

-- tables

create table rolecall.permission_sections (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
  label_en text not null check (btrim(label_en) <> ''),
  label_uk text not null check (btrim(label_uk) <> ''),
  position integer not null default 0
);
comment on table rolecall.permission_sections is 'Groups of permissions shown as expandable sections (Bill Pay, Banking, Team, ...).';
comment on column rolecall.permission_sections.position is 'Display order, ascending.';

create table rolecall.permissions (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  section text not null references rolecall.permission_sections (key) on update cascade,
  kind rolecall.permission_kind not null default 'action',
  label_en text not null check (btrim(label_en) <> ''),
  label_uk text not null check (btrim(label_uk) <> ''),
  description_en text not null default '',
  description_uk text not null default '',
  position integer not null default 0
);
comment on table rolecall.permissions is 'The permission catalog. Keys look like <area>.<verb> (bills.approve); rolecall.has_permission(org, key) checks them.';
comment on column rolecall.permissions.kind is 'action or page (a page permission unlocks a section of the product UI).';
comment on column rolecall.permissions.label_en is 'Labels and descriptions in English and Ukrainian, shown by the widget and the extension.';

create index permissions_section_idx on rolecall.permissions (section);

-- RLS: the catalog is public knowledge for signed-in users, written only by operators.

alter table rolecall.permission_sections enable row level security;
alter table rolecall.permissions enable row level security;

grant select on rolecall.permission_sections, rolecall.permissions to authenticated;
grant all on rolecall.permission_sections, rolecall.permissions to service_role;

create policy "Permission sections are visible to signed-in users"
  on rolecall.permission_sections for select to authenticated using (true);
create policy "Permissions are visible to signed-in users"
  on rolecall.permissions for select to authenticated using (true);
