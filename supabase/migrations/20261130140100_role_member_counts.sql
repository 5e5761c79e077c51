-- How many members hold each role, in one read for the whole organization: the Roles screen shows it
-- beside every role, and a policy edit names the members it reaches ("applies to N members in roles
-- X, Y"). Counting with one request per role, or reading every member's role_id (10,000 rows), is what
-- this replaces. Security invoker: a reader sees the roles of the organizations where it is an active
-- member, and the count covers the members the members policy shows it there (all of them).

-- views

create view rolecall.role_member_counts with (security_invoker = true) as
  select r.organization_id, r.id as role_id, count(m.id)::integer as members
    from rolecall.roles r
    left join rolecall.members m on m.role_id = r.id and m.organization_id = r.organization_id
   group by r.organization_id, r.id;
comment on view rolecall.role_member_counts is 'Per role of an organization, how many members hold it (any status: a deactivated member keeps the role and still blocks deleting it, RC205). Same roles and members as their policies allow (security_invoker).';
comment on column rolecall.role_member_counts.members is 'Members holding the role, active or deactivated.';

-- grants

grant select on rolecall.role_member_counts to authenticated, service_role;
