namespace Parley.Protocols;

/// <summary>The names of the end reasons in every output (JSON, CSV, logs): <c>agreement</c>, <c>partial</c>, <c>deadline</c>, <c>walkaway</c>, <c>failure</c>.</summary>
public static class EndReasonNames
{
    /// <summary>The name of <paramref name="reason"/>.</summary>
    public static string Name(EndReason reason) => reason switch
    {
        EndReason.Agreement => "agreement",
        EndReason.Deadline => "deadline",
        EndReason.WalkAway => "walkaway",
        EndReason.Failure => "failure",
        EndReason.Partial => "partial",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a name written by <see cref="Name"/>.</summary>
    public static bool TryParse(string? name, out EndReason reason)
    {
        foreach (var r in Enum.GetValues<EndReason>())
        {
            if (Name(r) == name)
            {
                reason = r;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
