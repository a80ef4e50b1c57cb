using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// A combination of acceptance strategies: accept when any (or all) of them accept; for example
/// AC_combi = AC_next ∨ AC_time(0.99).
/// </summary>
/// <remarks>Baarslag, Hindriks &amp; Jonker (2011), "Acceptance conditions in automated negotiation".</remarks>
public sealed class AcCombination : IAcceptanceStrategy
{
    private readonly IAcceptanceStrategy[] _parts;

    private AcCombination(bool requireAll, IAcceptanceStrategy[] parts)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("A combination needs at least one acceptance strategy.", nameof(parts));
        }

        RequireAll = requireAll;
        _parts = parts;
    }

    /// <summary>Whether every part must accept (otherwise any one suffices).</summary>
    public bool RequireAll { get; }

    /// <summary>The combined strategies.</summary>
    public IReadOnlyList<IAcceptanceStrategy> Parts => _parts;

    /// <summary>Accept when any part accepts.</summary>
    public static AcCombination AnyOf(params IAcceptanceStrategy[] parts) => new(false, (IAcceptanceStrategy[])parts.Clone());

    /// <summary>Accept when every part accepts.</summary>
    public static AcCombination AllOf(params IAcceptanceStrategy[] parts) => new(true, (IAcceptanceStrategy[])parts.Clone());

    /// <inheritdoc />
    public void Start(AgentContext context)
    {
        foreach (var part in _parts)
        {
            part.Start(context);
        }
    }

    /// <inheritdoc />
    public bool ShouldAccept(NegotiationState state, Outcome offer, Outcome nextBid)
    {
        foreach (var part in _parts)
        {
            if (part.ShouldAccept(state, offer, nextBid) != RequireAll)
            {
                return !RequireAll;
            }
        }

        return RequireAll;
    }
}
