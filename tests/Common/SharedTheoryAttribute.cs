namespace Parley.Testing;

/// <summary>A theory that needs ../shared/domains: reported as skipped, with the reason, where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!RepositoryPaths.HasSharedDomains)
        {
            Skip = RepositoryPaths.SkipReason;
        }
    }
}
