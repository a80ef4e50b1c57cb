using Parley.Domains;

namespace Parley.Agents;

/// <summary>The O of BOA: learns what the other parties want from the offers they make.</summary>
public interface IOpponentModel
{
    /// <summary>Prepares for a session.</summary>
    void Start(AgentContext context);

    /// <summary>Learns from an offer <paramref name="party"/> made at normalised time <paramref name="time"/>.</summary>
    void Observe(int party, Outcome offer, double time);

    /// <summary>The estimated utility of <paramref name="outcome"/> to the other parties (their mean), in [0, 1].</summary>
    double EstimatedUtility(ReadOnlySpan<int> outcome);
}
