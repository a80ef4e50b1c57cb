namespace Parley.Workbench;

/// <summary>
/// The post-settlement step as one audience sees it (<see cref="CaseView.PostSettlement"/>): present once
/// the case has a signed agreement (complete or partial). A delegation sees the improved text and its
/// own gain only, and only once the mediator has offered it; the mediator sees the text before offering
/// it, and the gains of the seats whose declaration it was shown.
/// </summary>
/// <param name="Status">"available" (mediator: an improvement exists, not offered yet), "none" (no improvement: see <paramref name="Note"/>), "offered" (waiting for the delegations), "adopted" (every delegation accepted: the improved text is the signed agreement) or "declined" (one declined: the signed agreement stands).</param>
/// <param name="Signed">The agreement as the delegations signed it, before this step: article → option.</param>
/// <param name="Agreement">The signed agreement in force (the improved text once adopted): article → option.</param>
/// <param name="Proposal">The improved text (article → option), when this audience may see it.</param>
/// <param name="Changes">The articles whose option the improved text changes.</param>
/// <param name="MyGain">A delegation's own gain from the improved text, by its own declared profile.</param>
/// <param name="Gains">The mediator: seat → gain, for the seats that shared their declaration with it (the others' stay theirs).</param>
/// <param name="MyAnswer">A delegation's own answer, once given.</param>
/// <param name="Answers">The mediator: seat → answer (null: not yet).</param>
/// <param name="Answered">How many delegations have answered.</param>
/// <param name="Note">Why there is no improvement, or what limits it, in plain words; null otherwise.</param>
public sealed record PostSettlementView(
    string Status,
    IReadOnlyDictionary<string, string> Signed,
    IReadOnlyDictionary<string, string> Agreement,
    IReadOnlyDictionary<string, string>? Proposal,
    IReadOnlyList<string> Changes,
    double? MyGain,
    IReadOnlyDictionary<string, double>? Gains,
    bool? MyAnswer,
    IReadOnlyDictionary<string, bool?>? Answers,
    int Answered,
    string? Note);
