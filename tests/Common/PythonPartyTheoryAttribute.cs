namespace Parley.Testing;

/// <summary>A theory that runs Python parties on an ANAC domain: skipped, with the reason, without python3-websockets or ../shared/domains.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonPartyTheoryAttribute : TheoryAttribute
{
    public PythonPartyTheoryAttribute()
    {
        if (PythonParty.Interpreter is null)
        {
            Skip = PythonParty.SkipReason;
        }
        else if (!RepositoryPaths.HasSharedDomains)
        {
            Skip = RepositoryPaths.SkipReason;
        }
    }
}
