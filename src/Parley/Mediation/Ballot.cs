namespace Parley.Mediation;

/// <summary>One party's answer to one text.</summary>
/// <param name="Party">The party's name.</param>
/// <param name="Accepted">Whether it accepted (votes), did not answer "worse" (feedback), vetoed nothing (veto) or agreed to the article (issue by issue).</param>
/// <param name="Feedback">Its feedback, in the feedback protocol.</param>
/// <param name="Vetoed">The articles it blocked, in the veto protocol.</param>
/// <param name="Utility">The party's utility of the proposed complete text (recorded for analysis; never shown to other parties).</param>
public sealed record Ballot(string Party, bool Accepted, Feedback? Feedback, IReadOnlyList<int> Vetoed, double Utility);
