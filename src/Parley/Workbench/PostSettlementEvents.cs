using System.Text.Json.Serialization;

namespace Parley.Workbench;

// The post-settlement step of a case (Raiffa's post-settlement settlement, after a signed agreement):
// the mediator offers the improved text the library computed, each delegation accepts or declines,
// and the step concludes. Kept together, as CaseEvents.cs keeps the other kinds.

/// <summary>
/// The mediator offered a post-settlement improvement of the signed agreement (public): a text over the
/// same articles that every delegation weakly prefers and at least one strictly prefers, by its own
/// declared profile (computed by <see cref="CasePostSettlement.Propose(MediationCase)"/> when offered, and stored, so the
/// record reproduces exactly).
/// </summary>
/// <param name="Agreement">The signed agreement it improves: article → option.</param>
/// <param name="Text">The improved text: article → option, over the same articles.</param>
public sealed record ImprovementOffered(IReadOnlyDictionary<string, string> Agreement, IReadOnlyDictionary<string, string> Text) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "improvement-offered";
}

/// <summary>A delegation accepted or declined the offered improvement (confidential, like a ballot: its delegation and the mediator see it).</summary>
/// <param name="Seat">The delegation.</param>
/// <param name="Yes">Whether it accepts the improved text.</param>
public sealed record ImprovementAnswered(int Seat, bool Yes) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "improvement-answered";
}

/// <summary>The post-settlement step concluded (public): every delegation accepted, and the improved text became the signed agreement; or one declined, and the signed agreement stands. Who declined is not part of it.</summary>
/// <param name="Adopted">Whether the improved text was adopted.</param>
/// <param name="Agreement">The signed agreement from now on: article → option.</param>
public sealed record ImprovementConcluded(bool Adopted, IReadOnlyDictionary<string, string> Agreement) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "improvement-concluded";
}
