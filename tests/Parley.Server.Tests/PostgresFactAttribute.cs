namespace Parley.Server.Tests;

/// <summary>
/// A test that needs PostgreSQL: skipped, with the reason, when $PARLEY_TEST_POSTGRES is not set on
/// a developer's machine; in CI (CI=true) it runs and fails if the server is missing (.ci/run starts one).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null && !IsCi)
        {
            Skip = $"PostgreSQL is not available: set ${TestDatabase.PostgresVariable} to a connection string (.ci/run starts Debian's postgresql and sets it)";
        }
    }

    internal static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
