-- Who may read what. Every policy compares a column with a set computed once per statement
-- (`= any ((select ...)::uuid[])`: the cast keeps it an array expression, an initPlan run once),
-- never a per-row function call, and every compared column is indexed.
-- No table grants authenticated users insert, update or delete: every write is an RPC function
-- that checks the rules of rolecall_private.rpc guards (next migration).

-- policies

create policy "Organizations are visible to their active members"
  on rolecall.organizations for select to authenticated
  using (id = any ((select rolecall_private.my_organization_ids())::uuid[]));

create policy "Members are visible to members of the same organization, and to themselves"
  on rolecall.members for select to authenticated
  using (
    organization_id = any ((select rolecall_private.my_organization_ids())::uuid[])
    or user_id = (select auth.uid())
  );

create policy "Roles are visible to members of the same organization"
  on rolecall.roles for select to authenticated
  using (organization_id = any ((select rolecall_private.my_organization_ids())::uuid[]));

create policy "Policies are visible to members of the same organization"
  on rolecall.policies for select to authenticated
  using (organization_id = any ((select rolecall_private.my_organization_ids())::uuid[]));

create policy "Policy permissions are visible to members of the same organization"
  on rolecall.policy_permissions for select to authenticated
  using (organization_id = any ((select rolecall_private.my_organization_ids())::uuid[]));

create policy "Role policies are visible to members of the same organization"
  on rolecall.role_policies for select to authenticated
  using (organization_id = any ((select rolecall_private.my_organization_ids())::uuid[]));

create policy "Member overrides are visible to their member and to those who edit permissions"
  on rolecall.member_overrides for select to authenticated
  using (
    member_id = any ((select rolecall_private.my_member_ids())::uuid[])
    or organization_id = any ((select rolecall_private.permitted_organization_ids('members.edit_permissions'))::uuid[])
  );

create policy "Resource grants are visible to their member and to those who edit permissions"
  on rolecall.resource_grants for select to authenticated
  using (
    member_id = any ((select rolecall_private.my_member_ids())::uuid[])
    or organization_id = any ((select rolecall_private.permitted_organization_ids('members.edit_permissions'))::uuid[])
  );

create policy "Invitations are visible to inviters and to the invited email"
  on rolecall.invitations for select to authenticated
  -- NOTE: a per-row call on purpose: an organization's invitations are few, and the same rule then
  -- also guards invitation_list's names (rolecall_private.invitation_names).
  using (rolecall_private.invitation_visible(organization_id, email));

create policy "Audit events are visible to those who view the audit trail"
  on rolecall.audit_events for select to authenticated
  using (organization_id = any ((select rolecall_private.permitted_organization_ids('audit.view'))::uuid[]));
