-- a migration that cannot run: MigrationsAlongsideEngineTest
create table half_written (id bigint primary key);
insert into no_such_table values (1);
