-- Invariants 1 and 2 of the design: every organization has exactly one primary member, always
-- active, always in an all-permissions role. (At most one: the unique index members_one_primary.
-- At least one active admin follows, since the primary is one.) Checked at commit by deferred
-- constraint triggers, so a transfer may pass through an intermediate state, and so that operators
-- writing tables directly in the SQL editor meet the same rule.

-- functions

create function rolecall_private.check_primary_member() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_org uuid := (coalesce(to_jsonb(new), to_jsonb(old)) ->> case tg_table_name when 'organizations' then 'id' else 'organization_id' end)::uuid;
begin
  if not exists (select 1 from rolecall.organizations o where o.id = v_org) then
    return null; -- the organization itself was deleted
  end if;
  if not exists (
    select 1 from rolecall.members m
      join rolecall.roles r on r.id = m.role_id
     where m.organization_id = v_org and m.is_primary and m.status = 'active' and r.all_permissions
  ) then
    raise exception 'An organization must keep exactly one primary member, active and in an all-permissions role'
      using errcode = 'RC201', detail = format('organization %s', v_org),
            hint = 'Transfer primary status first (rolecall.transfer_primary), or ask an operator.';
  end if;
  return null;
end;
$$;
comment on function rolecall_private.check_primary_member() is 'Deferred constraint trigger: the organization still has its one active, all-permissions primary member at commit.';
revoke execute on function rolecall_private.check_primary_member() from public;

-- triggers

create constraint trigger members_keep_primary after insert or update or delete on rolecall.members
  deferrable initially deferred for each row execute function rolecall_private.check_primary_member();
create constraint trigger organizations_need_primary after insert on rolecall.organizations
  deferrable initially deferred for each row execute function rolecall_private.check_primary_member();
