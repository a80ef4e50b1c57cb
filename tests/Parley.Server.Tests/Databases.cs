namespace Parley.Server.Tests;

/// <summary>The databases the same tests run on: SQLite always, PostgreSQL when $PARLEY_TEST_POSTGRES names one (always in CI).</summary>
public static class Databases
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (TestDatabase.PostgresServer is not null || PostgresFactAttribute.IsCi)
            {
                data.Add("postgres");
            }

            return data;
        }
    }
}
