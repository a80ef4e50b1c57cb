namespace Parley.Mediation;

/// <summary>How the parties answered one text: counts of accepts and rejects (or better / same / worse) and vetoes.</summary>
/// <param name="Parties">The number of parties.</param>
/// <param name="Accepts">Parties that accepted (votes) or did not answer "worse" (feedback) or vetoed nothing (veto).</param>
/// <param name="Better">Parties that answered "better" (feedback protocol; 0 otherwise).</param>
/// <param name="Worse">Parties that answered "worse" (feedback protocol; 0 otherwise).</param>
public sealed record BallotTally(int Parties, int Accepts, int Better = 0, int Worse = 0)
{
    /// <summary>Parties that rejected (or answered "worse").</summary>
    public int Rejects => Parties - Accepts;

    /// <summary>Whether every party accepted.</summary>
    public bool Unanimous => Accepts == Parties;
}
