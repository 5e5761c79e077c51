-- Demo data (filled in by the templates work).
select 1;
