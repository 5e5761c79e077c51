-- An index behind every foreign key, so Supabase's Performance Advisor (lint 0001
-- unindexed_foreign_keys) has nothing to report and deleting a referenced row (a user, a role, a
-- member, a policy, a bank account, a project) never scans the referencing table.
--
-- The rule, as the advisor applies it: some index on the referencing table must begin with the key's
-- columns in the key's order. Composite keys `(x_id, organization_id)` (they pin child rows to their
-- parent's organization) therefore get a composite index; where a single-column index on x_id
-- already existed it is replaced, since the composite one serves the same lookups. Only full
-- indexes count: a partial one (invitations_one_pending) does not cover every row the key checks.
-- tests/db/advisor.test.ts keeps it so for every table of Rolecall's schemas.

-- rolecall.organizations
create index organizations_created_by_idx on rolecall.organizations (created_by);

-- rolecall.members
drop index rolecall.members_role_idx;
create index members_role_idx on rolecall.members (role_id, organization_id);

-- rolecall.role_policies (the primary key (role_id, policy_id) does not lead with (role_id, organization_id))
create index role_policies_role_idx on rolecall.role_policies (role_id, organization_id);
drop index rolecall.role_policies_policy_idx;
create index role_policies_policy_idx on rolecall.role_policies (policy_id, organization_id);

-- rolecall.policy_permissions
create index policy_permissions_policy_idx on rolecall.policy_permissions (policy_id, organization_id);

-- rolecall.member_overrides
create index member_overrides_member_idx on rolecall.member_overrides (member_id, organization_id);
create index member_overrides_permission_key_idx on rolecall.member_overrides (permission_key);

-- rolecall.resource_grants
create index resource_grants_member_idx on rolecall.resource_grants (member_id, organization_id);
create index resource_grants_granted_by_idx on rolecall.resource_grants (granted_by);

-- rolecall.invitations
create index invitations_organization_idx on rolecall.invitations (organization_id);
drop index rolecall.invitations_role_idx;
create index invitations_role_idx on rolecall.invitations (role_id, organization_id);
create index invitations_invited_by_idx on rolecall.invitations (invited_by);
create index invitations_accepted_by_idx on rolecall.invitations (accepted_by);

-- example.bills
create index bills_created_by_idx on example.bills (created_by);
create index bills_approved_by_idx on example.bills (approved_by);

-- example.bank_transactions
drop index example.bank_transactions_account_idx;
create index bank_transactions_account_idx on example.bank_transactions (bank_account_id, organization_id);
create index bank_transactions_created_by_idx on example.bank_transactions (created_by);

-- example.project_documents
drop index example.project_documents_project_idx;
create index project_documents_project_idx on example.project_documents (project_id, organization_id);
