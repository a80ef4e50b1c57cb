using Parley.Domains;

namespace Parley.Preferences;

/// <summary>An option the party will never accept: <c>Issue = Level</c> is unacceptable.</summary>
/// <param name="Issue">The issue's index in the domain.</param>
/// <param name="Level">The forbidden level.</param>
/// <param name="Reason">Why, in the party's words.</param>
public sealed record ForbiddenOption(int Issue, int Level, string? Reason = null) : RedLine(Reason)
{
    /// <inheritdoc />
    public override bool IsCrossedBy(Domain domain, ReadOnlySpan<int> outcome) => outcome[Issue] == Level;

    /// <inheritdoc />
    public override string Describe(Domain domain) =>
        $"never {domain.Issues[Issue].Name} = {domain.Issues[Issue].FormatLevel(Level)}";

    /// <inheritdoc />
    public override void CheckCompatible(Domain domain) => CheckLevel(domain, Issue, Level);
}
