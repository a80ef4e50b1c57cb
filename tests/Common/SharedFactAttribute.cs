namespace Parley.Testing;

/// <summary>A fact that needs ../shared/domains: reported as skipped, with the reason, where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!RepositoryPaths.HasSharedDomains)
        {
            Skip = RepositoryPaths.SkipReason;
        }
    }
}
