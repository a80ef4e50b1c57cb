namespace Parley.Testing;

/// <summary>A fact that runs a Python party on an ANAC domain: skipped, with the reason, without python3-websockets or ../shared/domains.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonPartyFactAttribute : FactAttribute
{
    public PythonPartyFactAttribute()
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
