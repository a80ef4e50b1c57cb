using Parley.Agents;
using Parley.Protocols.Drivers;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>Runs MOPAC sessions between in-process agents and reads their results (see <see cref="MopacNegotiation"/>).</summary>
public static class Mopac
{
    /// <summary>Runs a session between the scenario's negotiators and <paramref name="agents"/> (one per negotiator, same order).</summary>
    public static SessionResult Run(Scenario scenario, IReadOnlyList<IAgent> agents, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var setup = NegotiationSetup.For(scenario, options.Deadline, options.Seed) with { TimeProvider = options.TimeProvider };
        var start = options.TimeProvider.GetTimestamp();
        var negotiation = MopacAgentRunner.Run(new MopacNegotiation(setup), agents, options);
        return Result(negotiation, options.TimeProvider.GetElapsedTime(start));
    }

    /// <summary>
    /// The result of a session: each party's payoff is its own agreement's utility (or its
    /// reservation value), discounted at the end; <see cref="SessionResult.Agreement"/> is the
    /// outcome when every party agreed on the same one, and null otherwise (see
    /// <see cref="MopacNegotiation.Agreements"/> for each party's).
    /// </summary>
    public static SessionResult Result(MopacNegotiation negotiation, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var setup = negotiation.Setup;
        var n = setup.PartyCount;
        var utilities = new double[n];
        var discounted = new double[n];
        for (var i = 0; i < n; i++)
        {
            var deal = negotiation.Agreements[i];
            if (setup.Profiles[i] is not { } profile)
            {
                utilities[i] = discounted[i] = double.NaN;
                continue;
            }

            utilities[i] = deal is null ? profile.ReservationValue : profile.Utility(deal.Levels);
            discounted[i] = profile.Discount(utilities[i], negotiation.Time);
        }

        var first = negotiation.Agreements[0];
        var common = first is not null && negotiation.Agreements.All(a => first.Equals(a)) ? first : null;
        return new SessionResult(
            negotiation.IsOver ? negotiation.EndReason : EndReason.Deadline,
            common,
            negotiation.Round + 1,
            negotiation.Time,
            elapsed,
            setup.Parties,
            utilities,
            discounted,
            negotiation.Actions,
            setup.Seed,
            negotiation.Failure);
    }
}
