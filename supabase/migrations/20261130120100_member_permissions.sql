-- A member's permissions with their sources in one read: the member card shows why each checkbox is
-- as it is ("from the role Accountant", "ticked by an admin") with one request, not one
-- explain_permission per row.
--   rolecall.member_permissions(org, user)  my_permissions' rows for any member the caller may read
--                                           (oneself; others with members.edit_permissions, RC103)
-- The rows come from the same rolecall_private.permission_sources as my_permissions and
-- explain_permission; for another member the IP allowlist is not applied (their request address is
-- unknown), as in explain_permission. my_permissions becomes this read for the caller, so the two
-- cannot drift.

-- functions

create function rolecall_rpc.member_permissions(p_org uuid, p_user uuid)
returns table (
  key text, section text, kind rolecall.permission_kind, label_en text, label_uk text,
  granted boolean, sources jsonb, checkboxes text[]
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_self boolean := p_user is not distinct from auth.uid();
  v_member uuid := (rolecall_private.readable_member(p_org, p_user, 'others'' permissions')).id;
begin
  return query
    select p.key, p.section, p.kind, p.label_en, p.label_uk, s.granted, s.sources,
           array(select cp.checkbox_key from rolecall.checkbox_permissions cp
                  where cp.organization_id = p_org and cp.permission_key = p.key order by cp.checkbox_key)
      from rolecall_private.permission_sources(v_member, v_self) s
      join rolecall.permissions p on p.key = s.permission_key
      join rolecall.permission_sections ps on ps.key = p.section
     where p.key = any (rolecall_private.organization_catalog(p_org))
     order by ps.position, ps.key, p.position, p.key;
end;
$$;
comment on function rolecall_rpc.member_permissions(uuid, uuid) is 'A member''s permissions in an organization, as my_permissions gives the caller''s: one row per permission of the organization''s catalog, grouped by section, with granted, sources (why) and the keys of the checkboxes that stand for it. Anyone may read their own; others need members.edit_permissions (RC103). For others the IP allowlist is not applied.';
revoke execute on function rolecall_rpc.member_permissions(uuid, uuid) from public;
grant execute on function rolecall_rpc.member_permissions(uuid, uuid) to authenticated;

-- NOTE: written out by hand, as 20261130100100 generates them for the RPCs before it: the same
-- name, arguments, result, volatility, comment and grants, SECURITY INVOKER, only calling the body.
create function rolecall.member_permissions(p_org uuid, p_user uuid)
returns table (
  key text, section text, kind rolecall.permission_kind, label_en text, label_uk text,
  granted boolean, sources jsonb, checkboxes text[]
)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return query select * from rolecall_rpc.member_permissions($1, $2);
end;
$$;
comment on function rolecall.member_permissions(uuid, uuid) is 'A member''s permissions in an organization, as my_permissions gives the caller''s: one row per permission of the organization''s catalog, grouped by section, with granted, sources (why) and the keys of the checkboxes that stand for it. Anyone may read their own; others need members.edit_permissions (RC103). For others the IP allowlist is not applied.';
revoke execute on function rolecall.member_permissions(uuid, uuid) from public;
grant execute on function rolecall.member_permissions(uuid, uuid) to authenticated;

-- my_permissions is the same read for the caller (RC101 / RC102 as before, the IP allowlist applied);
-- its comment, grants and entry point stay as they are.
create or replace function rolecall_rpc.my_permissions(p_org uuid)
returns table (
  key text, section text, kind rolecall.permission_kind, label_en text, label_uk text,
  granted boolean, sources jsonb, checkboxes text[]
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query select * from rolecall_rpc.member_permissions(p_org, auth.uid());
end;
$$;
