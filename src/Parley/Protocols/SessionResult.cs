using Parley.Domains;

namespace Parley.Protocols;

/// <summary>How a session ended: the agreement (or none), why, when, and what each party got.</summary>
public sealed class SessionResult
{
    /// <summary>Creates a result (protocols only).</summary>
    public SessionResult(
        EndReason endReason,
        Outcome? agreement,
        int rounds,
        double time,
        TimeSpan elapsed,
        IReadOnlyList<string> partyNames,
        IReadOnlyList<double> utilities,
        IReadOnlyList<double> discountedUtilities,
        int actions,
        int seed,
        SessionFailure? failure = null,
        int walkedAwayParty = -1,
        SessionTrace? trace = null)
    {
        EndReason = endReason;
        Agreement = agreement;
        Rounds = rounds;
        Time = time;
        Elapsed = elapsed;
        PartyNames = partyNames;
        Utilities = utilities;
        DiscountedUtilities = discountedUtilities;
        Actions = actions;
        Seed = seed;
        Failure = failure;
        WalkedAwayParty = walkedAwayParty;
        Trace = trace;
    }

    /// <summary>Why the session ended.</summary>
    public EndReason EndReason { get; }

    /// <summary>The agreed outcome, or null.</summary>
    public Outcome? Agreement { get; }

    /// <summary>Whether the parties agreed.</summary>
    public bool HasAgreement => Agreement is not null;

    /// <summary>The number of rounds started (the round of the last action, counted from 1).</summary>
    public int Rounds { get; }

    /// <summary>Normalised time t at the end.</summary>
    public double Time { get; }

    /// <summary>The wall time the session took, read from the session's clock.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The parties, in turn order.</summary>
    public IReadOnlyList<string> PartyNames { get; }

    /// <summary>Each party's undiscounted utility of the agreement, or its reservation value without one.</summary>
    public IReadOnlyList<double> Utilities { get; }

    /// <summary>Each party's payoff: <see cref="Utilities"/> discounted at <see cref="Time"/> (GENIUS u·d^t); equal to them when the profile does not discount.</summary>
    public IReadOnlyList<double> DiscountedUtilities { get; }

    /// <summary>The number of actions taken.</summary>
    public int Actions { get; }

    /// <summary>The seed the session ran with.</summary>
    public int Seed { get; }

    /// <summary>The failure that ended the session, when <see cref="EndReason"/> is <see cref="EndReason.Failure"/>.</summary>
    public SessionFailure? Failure { get; }

    /// <summary>The party that walked away, or −1.</summary>
    public int WalkedAwayParty { get; }

    /// <summary>The full event trace, when the options asked for it.</summary>
    public SessionTrace? Trace { get; }

    /// <summary>The sum of the payoffs (<see cref="DiscountedUtilities"/>).</summary>
    public double SocialWelfare
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < DiscountedUtilities.Count; i++)
            {
                sum += DiscountedUtilities[i];
            }

            return sum;
        }
    }
}
