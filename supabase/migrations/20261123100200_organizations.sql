-- Organizations: one tenant each (the subscriber, company or account that pays).

-- tables

create table rolecall.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (btrim(name) <> '' and length(name) <= 200),
  template text not null default 'blank',
  admin_mode rolecall.admin_mode not null default 'multi',
  invitation_ttl interval not null default interval '72 hours'
    check (invitation_ttl between interval '1 hour' and interval '30 days'),
  notify_admins boolean not null default true,
  language text not null default 'en' check (language in ('en', 'uk')),
  created_by uuid references auth.users (id) on delete set null,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table rolecall.organizations is 'A tenant: the subscriber / company / account. Created from a template that seeds its roles and policies.';
comment on column rolecall.organizations.template is 'Key of the rolecall.templates row it was created from (blank, justpaid, jusnote, profit, paycove, payments_platform).';
comment on column rolecall.organizations.admin_mode is 'multi: several equal admins; single: exactly one Admin, promotion replaces the old one.';
comment on column rolecall.organizations.invitation_ttl is 'How long an invitation link stays valid (default 72 hours).';
comment on column rolecall.organizations.notify_admins is 'Whether admins receive notification emails (team changes, accepted invitations).';
comment on column rolecall.organizations.closed_at is 'When the primary closed the organization (Jusnote: "Закрити аккаунт"); while set, nobody holds any permission or sees its team (rolecall_private access helpers). Operators reopen (ops_reopen_organization) or purge it.';
comment on column rolecall.organizations.language is 'Language of emails and of role names seeded from the template: en or uk.';

-- triggers

create trigger organizations_touch_updated_at before update on rolecall.organizations
  for each row execute function rolecall_private.touch_updated_at();

-- RLS (policies follow the access helpers); writes go through RPC functions only.

alter table rolecall.organizations enable row level security;
grant select on rolecall.organizations to authenticated;
grant all on rolecall.organizations to service_role;
