using Parley.Mediation;
using Parley.Preferences;

namespace Parley.Workbench;

/// <summary>
/// The post-settlement proposal for a case's signed agreement (Raiffa's post-settlement settlement), from
/// the delegations' declared profiles: <see cref="PostSettlement.Propose(Domains.Domain, IReadOnlyList{string}, IReadOnlyList{Profile?}, IReadOnlyList{RedLine}, Domains.PartialOutcome)"/>
/// with the scenario's linkage rules.
/// </summary>
/// <remarks>
/// Only declared profiles count: the scenario's starting profiles are the mediator's model, not a
/// delegation's word. When a delegation has declared none, nothing is offered and the reason says whose
/// declaration is missing (the seats' declaring is public); nothing is guessed.
/// </remarks>
public static class CasePostSettlement
{
    /// <summary>The proposal for <paramref name="case"/>'s signed agreement, or null when the case has none (yet).</summary>
    public static PostSettlementProposal? Propose(MediationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.SignedAgreementBeforeImprovement is not { } agreement)
        {
            return null;
        }

        var declared = new Profile?[@case.Seats.Count];
        for (var s = 0; s < declared.Length; s++)
        {
            declared[s] = @case.HasDeclared(s) ? @case.ProfileOf(s) : null;
        }

        return PostSettlement.Propose(@case.Domain, @case.Seats, declared, @case.Scenario?.Linkage?.Rules ?? [], agreement);
    }
}
