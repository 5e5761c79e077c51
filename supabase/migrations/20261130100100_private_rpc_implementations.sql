-- SECURITY DEFINER code leaves the exposed schema: every RPC's implementation moves to
-- `rolecall_rpc`, which the API never serves, and `rolecall` keeps a SECURITY INVOKER entry point of
-- the same name, arguments, defaults, result and volatility that only calls it.
--
-- Why: Supabase's Security Advisor (splinter lints 0028 / 0029) flags every SECURITY DEFINER function
-- in an exposed schema that anon or authenticated may execute, and its advice, like design.md's, is
-- to keep definer code out of exposed schemas. The writes still need owner rights (a rule compares
-- old, new and other rows; authenticated holds no write privilege on any rolecall table), so the
-- rights stay with the implementation and the API surface becomes plain invoker functions:
--   rolecall.change_member_role(...)      SECURITY INVOKER, what supabase-js `.rpc()` calls
--     -> rolecall_rpc.change_member_role(...)   SECURITY DEFINER, the body written by the earlier migrations
-- Clients, edge functions and error codes see no difference; SQLSTATEs pass straight through.
--
-- How, and why this way: the move is generated from pg_catalog rather than written out per function.
-- `alter function ... set schema` keeps each implementation's body, owner, comment, search_path and
-- grants exactly as the earlier migrations left them, and each entry point is given exactly the same
-- grants (read from the implementation's ACL), so a grant changed in an earlier migration carries
-- over to both without touching this file. Granting the entry point alone would not do: an invoker
-- function calls the implementation as the caller, who therefore needs EXECUTE on both. Nothing is
-- granted to anon unless an earlier migration granted it (none does), and anon gets no USAGE on
-- rolecall_rpc. The same-named helpers of rolecall_private (has_permission, granted_resource_ids,
-- has_resource_access) stay where they are: rolecall_rpc holds only RPC implementations.
--
-- Entry points are PL/pgSQL: like the access helpers (see 20261123100700), a SQL function with
-- `set search_path` is never inlined and, before PostgreSQL 18, is planned again on every call;
-- PL/pgSQL keeps the plan for the session. rolecall.has_permission and the other RLS helpers were
-- SECURITY INVOKER already and are not touched, so vendors' policies pay nothing for this.
--
-- The checks that keep it so: tests/db/advisor.test.ts (no SECURITY DEFINER function in an exposed
-- schema; every rolecall_rpc function has its rolecall entry point with equal grants and comment)
-- and the authorization matrix (tests/support/matrix-expected.ts).

create schema if not exists rolecall_rpc;
comment on schema rolecall_rpc is 'Rolecall RPC implementations: the SECURITY DEFINER bodies behind the SECURITY INVOKER entry points of the same name in rolecall. Never exposed to the API (not in [api] schemas); call rolecall.<name> instead.';

-- grants: the entry points call in the caller's name, so the roles that may call them need the schema.

grant usage on schema rolecall_rpc to authenticated, service_role;

-- functions

do $migration$
declare
  f record;
  v_entry text;
  v_inputs text;
  v_body text;
  v_grant record;
begin
  for f in
    select p.oid, p.proname, p.pronargs, p.provariadic <> 0 as variadic, p.proretset, p.prorows, p.procost,
           p.provolatile, p.proisstrict, p.proparallel
      from pg_catalog.pg_proc p
     where p.pronamespace = 'rolecall'::regnamespace and p.prosecdef and p.prokind = 'f'
     order by p.proname
  loop
    execute format('alter function rolecall.%I(%s) set schema rolecall_rpc',
                   f.proname, pg_catalog.pg_get_function_identity_arguments(f.oid));

    -- NOTE: positional parameters, so the entry point never depends on argument names; the
    -- implementation gets every argument, so its own defaults never apply (the entry point's do).
    select coalesce(string_agg(case when f.variadic and i = f.pronargs then 'variadic $' else '$' end || i, ', ' order by i), '')
      into v_inputs from generate_series(1, f.pronargs) i;
    v_body := case
      when f.proretset then format(E'\nbegin\n  return query select * from rolecall_rpc.%I(%s);\nend;\n', f.proname, v_inputs)
      else format(E'\nbegin\n  return rolecall_rpc.%I(%s);\nend;\n', f.proname, v_inputs)
    end;
    v_entry := format('rolecall.%I(%s)', f.proname, pg_catalog.pg_get_function_identity_arguments(f.oid));
    execute format(
      'create function rolecall.%I(%s) returns %s language plpgsql %s %s parallel %s security invoker cost %s %s set search_path = '''' as %L',
      f.proname, pg_catalog.pg_get_function_arguments(f.oid), pg_catalog.pg_get_function_result(f.oid),
      case f.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
      case when f.proisstrict then 'strict' else 'called on null input' end,
      case f.proparallel when 's' then 'safe' when 'r' then 'restricted' else 'unsafe' end,
      f.procost, case when f.proretset then format('rows %s', f.prorows) else '' end,
      v_body);
    execute format('comment on function %s is %L', v_entry, pg_catalog.obj_description(f.oid, 'pg_proc'));

    -- The entry point's grants are the implementation's, grantee by grantee.
    execute format('revoke all on function %s from public, anon, authenticated, service_role', v_entry);
    for v_grant in
      select a.grantee, a.is_grantable
        from pg_catalog.aclexplode(coalesce((select p.proacl from pg_catalog.pg_proc p where p.oid = f.oid),
                                            pg_catalog.acldefault('f', (select p.proowner from pg_catalog.pg_proc p where p.oid = f.oid)))) a
       where a.privilege_type = 'EXECUTE'
         and a.grantee <> (select p.proowner from pg_catalog.pg_proc p where p.oid = f.oid)
    loop
      execute format('grant execute on function %s to %s%s', v_entry,
                     case when v_grant.grantee = 0 then 'public' else quote_ident(pg_catalog.pg_get_userbyid(v_grant.grantee)) end,
                     case when v_grant.is_grantable then ' with grant option' else '' end);
    end loop;
  end loop;
end;
$migration$;
