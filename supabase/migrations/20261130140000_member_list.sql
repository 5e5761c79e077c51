-- The members list grouped by role (Paycove's Team screen: the Admin, the Managers, then the users):
-- each member with the rank of its role, so the server sorts by rank before the page is cut and
-- paging stays exact with 10,000 members. PostgREST cannot order by a column of another table
-- without an embed, and the local stack serves no embeds: hence a view, not a client-side join.
-- Security invoker: the same rows the members and roles policies show the reader (members of the
-- organizations where the reader is an active member).

-- views

create view rolecall.member_list with (security_invoker = true) as
  select m.*, r.rank as role_rank
    from rolecall.members m
    join rolecall.roles r on r.id = m.role_id;
comment on view rolecall.member_list is 'Members with their role''s rank (role_rank), for lists grouped by role and sorted by rank on the server (the team panel''s Paycove layout). Same rows as the members and roles policies allow (security_invoker).';
comment on column rolecall.member_list.role_rank is 'The rank of the member''s role (rolecall.roles.rank): higher ranks first in a list grouped by role.';

-- grants

grant select on rolecall.member_list to authenticated, service_role;
