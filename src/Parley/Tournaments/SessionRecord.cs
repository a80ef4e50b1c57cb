namespace Parley.Tournaments;

/// <summary>A finished session as the journal stores it: the id, the seed, the wall time it took and its outcome.</summary>
/// <param name="Id">The session id in the plan.</param>
/// <param name="Seed">The seed the session ran with (checked against the plan when results are written).</param>
/// <param name="RunTime">The wall time the session took. Not reproducible: excluded from every equality check.</param>
/// <param name="Outcome">What the session produced.</param>
public sealed record SessionRecord(long Id, int Seed, TimeSpan RunTime, SessionOutcome Outcome);
