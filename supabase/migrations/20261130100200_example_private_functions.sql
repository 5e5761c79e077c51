-- The example's state changes (approve_bill, pay_bill) follow the same pattern as Rolecall's own RPCs:
-- the SECURITY DEFINER body lives in `example_private`, a schema the API never serves, and `example`
-- keeps a SECURITY INVOKER entry point that only calls it. Copy this for a product's own actions.
--
-- Why not SECURITY INVOKER alone, with RLS and rolecall.has_permission deciding? Approving is not
-- editing: a member with bills.approve but not bills.create must move a bill from draft to approved
-- and touch nothing else. An UPDATE policy sees only the old and the new row, not which columns the
-- statement set, so a policy "bills.approve may update drafts into approved bills" would also let an
-- approver change the amount or the vendor in the same statement; it would also be a second
-- permissive UPDATE policy on bills, which the Performance Advisor flags (lint 0006) and Postgres
-- evaluates for every row. The function checks the permission, the state, and writes exactly the
-- columns that approving changes, so it needs the owner's rights.
--
-- Why not leave the definer function in `example`? Supabase's Security Advisor (lints 0028 / 0029)
-- flags a SECURITY DEFINER function in an exposed schema that signed-in users can execute: anything
-- the API serves runs as the caller. The entry point and the implementation carry the same grants
-- (the entry point calls as the caller, who needs EXECUTE on both); anon gets neither, nor USAGE on
-- example_private.

create schema if not exists example_private;
comment on schema example_private is 'SECURITY DEFINER implementations of the example''s state changes (approve_bill, pay_bill) behind SECURITY INVOKER entry points in example. Never exposed to the API.';

-- grants

grant usage on schema example_private to authenticated, service_role;

-- functions: the implementations keep their bodies, comments and grants (20261123101600); only
-- their schema changes.

alter function example.approve_bill(uuid) set schema example_private;
alter function example.pay_bill(uuid) set schema example_private;

create function example.approve_bill(p_bill uuid) returns example.bills
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  return example_private.approve_bill(p_bill);
end;
$$;
comment on function example.approve_bill(uuid) is 'Approves a draft bill. Needs bills.approve in the bill''s organization (RC103); the row policies alone cannot express "may change status to approved".';
revoke execute on function example.approve_bill(uuid) from public;
grant execute on function example.approve_bill(uuid) to authenticated, service_role;

create function example.pay_bill(p_bill uuid) returns example.bills
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  return example_private.pay_bill(p_bill);
end;
$$;
comment on function example.pay_bill(uuid) is 'Pays an approved bill. Needs bills.pay in the bill''s organization (RC103).';
revoke execute on function example.pay_bill(uuid) from public;
grant execute on function example.pay_bill(uuid) to authenticated, service_role;
