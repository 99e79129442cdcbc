using Tuoyu.IntegrationTests.Infrastructure;

[assembly: AssemblyFixture(typeof(SqliteFixture))]
[assembly: AssemblyFixture(typeof(PostgresFixture))]
