namespace Parley.Protocols.Views;

/// <summary>What a negotiation's protocol lets each audience see beyond the public record.</summary>
/// <param name="SecretBallot">Ballots are secret: a party sees only its own; the public sees that a party answered, not how.</param>
/// <param name="MediatorSeesBallots">The mediator sees each ballot (it needs them to decide in the single-text protocols), even when the ballot is secret from the parties.</param>
/// <param name="MediatorSeesProfiles">The mediator is trusted with the parties' declared profiles (a trusted mediator).</param>
public sealed record ViewPolicy(bool SecretBallot = true, bool MediatorSeesBallots = true, bool MediatorSeesProfiles = false)
{
    /// <summary>The policy of the offer protocols (SAOP, MOPAC): every action is public; no profile is shared.</summary>
    public static ViewPolicy Open { get; } = new(SecretBallot: false, MediatorSeesBallots: true, MediatorSeesProfiles: false);
}
