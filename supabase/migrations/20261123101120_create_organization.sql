-- Creating an organization from a template: the one write any signed-in user may make without
-- being a member anywhere. The template's policies, roles and product checkboxes are copied, so
-- each organization's catalog is its own. The creator becomes the primary member in the template's creator role
-- (invariant 1 holds from the first commit; the deferred RC201 check would refuse anything else).

-- functions

create function rolecall_private.valid_name(p_name text, p_max integer, p_what text) returns text
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  v_name text := btrim(coalesce(p_name, ''));
begin
  if v_name = '' or length(v_name) > p_max then
    raise exception 'A % name needs 1 to % characters', p_what, p_max using errcode = 'RC304', detail = left(coalesce(p_name, ''), 200);
  end if;
  -- NOTE: names travel into email subjects and the admin panel: a line break there could add a
  -- header or fake a second line. Control characters (C0, DEL, C1) and the Unicode line and
  -- paragraph separators are refused rather than silently dropped.
  if v_name <> rolecall_private.without_control_characters(v_name) then
    raise exception 'A % name cannot contain line breaks or other control characters', p_what
      using errcode = 'RC304', detail = left(v_name, 200);
  end if;
  return v_name;
end;
$$;
comment on function rolecall_private.valid_name(text, integer, text) is 'The name trimmed, or RC304 when empty, longer than p_max or holding control characters (line breaks, tabs, C1, U+2028/2029): one rule for organization, role and policy names.';
revoke execute on function rolecall_private.valid_name(text, integer, text) from public;

create function rolecall_private.valid_language(p_language text) returns text
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  if p_language is null or p_language not in ('en', 'uk') then
    raise exception 'Unsupported language "%"', p_language using errcode = 'RC308', detail = coalesce(p_language, ''), hint = 'en or uk';
  end if;
  return p_language;
end;
$$;
comment on function rolecall_private.valid_language(text) is 'The language if Rolecall speaks it (en, uk), else RC308.';
revoke execute on function rolecall_private.valid_language(text) from public;

create function rolecall_private.instantiate_template(p_id uuid, p_name text, p_template text, p_language text, p_creator uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_template rolecall.templates;
  v_org uuid;
begin
  select * into v_template from rolecall.templates t where t.key = p_template;
  insert into rolecall.organizations (id, name, template, admin_mode, language, created_by)
  values (coalesce(p_id, gen_random_uuid()), p_name, v_template.key, v_template.admin_mode, p_language, p_creator)
  returning id into v_org;

  -- NOTE: names are unique per organization (case-insensitively), so the copied rows are matched
  -- back to their template rows by name.
  insert into rolecall.policies (organization_id, name, description)
  select v_org,
         case p_language when 'uk' then tp.name_uk else tp.name_en end,
         case p_language when 'uk' then tp.description_uk else tp.description_en end
    from rolecall.template_policies tp
   where tp.template_key = v_template.key
   order by tp.position;

  insert into rolecall.policy_permissions (policy_id, organization_id, permission_key)
  select p.id, v_org, k
    from rolecall.template_policies tp
    join rolecall.policies p on p.organization_id = v_org
     and p.name = case p_language when 'uk' then tp.name_uk else tp.name_en end
    cross join lateral unnest(tp.permission_keys) as k
   where tp.template_key = v_template.key;

  insert into rolecall.roles (organization_id, name, description, rank, all_permissions, editable,
                              member_overrides, max_members, is_default, template_key)
  select v_org,
         case p_language when 'uk' then tr.name_uk else tr.name_en end,
         case p_language when 'uk' then tr.description_uk else tr.description_en end,
         tr.rank, tr.all_permissions, tr.editable, tr.member_overrides, tr.max_members, tr.is_default, tr.key
    from rolecall.template_roles tr
   where tr.template_key = v_template.key
   order by tr.position;

  insert into rolecall.role_policies (role_id, policy_id, organization_id)
  select r.id, p.id, v_org
    from rolecall.template_roles tr
    join rolecall.roles r on r.organization_id = v_org and r.template_key = tr.key
    cross join lateral unnest(tr.policy_keys) as pk
    join rolecall.template_policies tp on tp.template_key = tr.template_key and tp.key = pk
    join rolecall.policies p on p.organization_id = v_org
     and p.name = case p_language when 'uk' then tp.name_uk else tp.name_en end
   where tr.template_key = v_template.key;

  -- the product's checkboxes, with its labels; a role box points at the copied role
  insert into rolecall.checkboxes (organization_id, key, section, label_en, label_uk, description_en, description_uk,
                                   role_id, always_on, position)
  select v_org, tc.key, tc.section, tc.label_en, tc.label_uk, tc.description_en, tc.description_uk,
         r.id, tc.always_on, tc.position
    from rolecall.template_checkboxes tc
    left join rolecall.roles r on r.organization_id = v_org and r.template_key = tc.role_key
   where tc.template_key = v_template.key;

  insert into rolecall.checkbox_permissions (organization_id, checkbox_key, permission_key)
  select v_org, tc.key, k
    from rolecall.template_checkboxes tc
    cross join lateral unnest(tc.permission_keys) as k
   where tc.template_key = v_template.key;

  insert into rolecall.members (organization_id, user_id, role_id, is_primary)
  select v_org, p_creator, r.id, true
    from rolecall.template_roles tr
    join rolecall.roles r on r.organization_id = v_org and r.template_key = tr.key
   where tr.template_key = v_template.key and tr.is_creator;

  return v_org;
end;
$$;
comment on function rolecall_private.instantiate_template(uuid, text, text, text, uuid) is 'Creates the organization (id p_id, or a new one) with the template''s policies, roles, links and checkboxes, and p_creator as primary member in the creator role. Inputs are trusted: create_organization validates them; seed.sql calls it directly for fixed ids.';
revoke execute on function rolecall_private.instantiate_template(uuid, text, text, text, uuid) from public;

create function rolecall.create_organization(p_name text, p_template text default 'blank', p_language text default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_name text;
  v_template rolecall.templates;
  v_language text;
begin
  if auth.uid() is null then
    raise exception 'Sign in first' using errcode = 'RC101';
  end if;
  v_name := rolecall_private.valid_name(p_name, 200, 'organization');
  select * into v_template from rolecall.templates t where t.key = coalesce(p_template, 'blank');
  if v_template.key is null then
    raise exception 'Unknown template "%"', p_template using errcode = 'RC307', detail = p_template,
      hint = 'One of: blank, justpaid, jusnote, profit, paycove, payments_platform (rolecall.templates).';
  end if;
  v_language := rolecall_private.valid_language(coalesce(p_language, v_template.language));

  perform rolecall_private.audit_as('organizations.create');
  return rolecall_private.instantiate_template(null, v_name, v_template.key, v_language, auth.uid());
end;
$$;
comment on function rolecall.create_organization(text, text, text) is 'Creates an organization from a template (blank, justpaid, jusnote, profit, paycove, payments_platform): copies its policies and roles, named in the organization''s language (default: the template''s), and makes the caller its primary member in the creator role. Any signed-in user (RC101); name 1-200 characters (RC304); unknown template RC307; language en or uk (RC308).';
revoke execute on function rolecall.create_organization(text, text, text) from public;
grant execute on function rolecall.create_organization(text, text, text) to authenticated, service_role;
