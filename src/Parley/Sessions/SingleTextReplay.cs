using System.Globalization;
using Parley.Formats.ParleyJson;
using Parley.Mediation;
using Parley.Protocols.Log;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Sessions;

/// <summary>
/// The event log of a single-text mediation (<see cref="SingleTextNegotiation"/>): the header a run
/// writes, and the replay that rebuilds the session and its <see cref="MediationResult"/> from it.
/// </summary>
/// <remarks>
/// Header settings: <c>mediator-strategy</c> and <c>voters</c> (the names the result reports),
/// <c>protocol</c> (<c>votes</c>, <c>feedback</c>, <c>veto</c>), <c>agenda</c> (issue indexes,
/// comma-separated; absent for whole-text mode), <c>trusted</c> and <c>post-settlement</c>
/// (<c>true</c>/<c>false</c>), <c>round-time</c> (ticks; absent for none). The replay needs no
/// strategy: the result is a function of the machine's state, the scenario and these names.
/// </remarks>
public static class SingleTextReplay
{
    /// <summary>The protocol identifier in log headers.</summary>
    public const string Protocol = "single-text";

    /// <summary>The header of <paramref name="negotiation"/>'s log, with the strategies' names.</summary>
    public static NegotiationLogHeader Header(Scenario scenario, SingleTextNegotiation negotiation, string mediatorStrategy, IReadOnlyList<string> voters)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(voters);
        var setup = negotiation.Setup;
        var settings = negotiation.Settings;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mediator-strategy"] = mediatorStrategy,
            ["voters"] = string.Join(',', voters),
            ["protocol"] = settings.Protocol.ToString().ToLowerInvariant(),
            ["trusted"] = settings.Trusted ? "true" : "false",
            ["post-settlement"] = settings.PostSettlement ? "true" : "false",
            ["label"] = settings.MediatorLabel,
        };
        if (settings.Agenda is { } agenda)
        {
            values["agenda"] = string.Join(',', agenda.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        }

        if (settings.RoundTime is { } roundTime)
        {
            values["round-time"] = roundTime.Ticks.ToString(CultureInfo.InvariantCulture);
        }

        return new NegotiationLogHeader(Protocol, ParleyScenarioWriter.ToJson(scenario), setup.Parties, setup.Mediator, setup.Deadline, setup.Seed, values);
    }

    /// <summary>The settings a log's header describes.</summary>
    /// <exception cref="ArgumentException">A setting that does not parse.</exception>
    public static SingleTextSettings SettingsOf(NegotiationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var header = log.Header;
        var protocol = header.Setting("protocol") ?? "votes";
        return new SingleTextSettings
        {
            Protocol = Enum.TryParse<MediatedProtocol>(protocol, ignoreCase: true, out var p) && Enum.IsDefined(p) && !protocol.Any(char.IsDigit)
                ? p
                : throw new ArgumentException($"unknown mediated protocol '{protocol}' (votes, feedback, veto)"),
            Agenda = header.Setting("agenda") is { } agenda ? [.. agenda.Split(',').Select(a => Int(a, "agenda"))] : null,
            Trusted = Bool(header.Setting("trusted"), "trusted"),
            PostSettlement = Bool(header.Setting("post-settlement"), "post-settlement"),
            MediatorLabel = header.Setting("label") ?? header.Setting("mediator-strategy") ?? "human",
            RoundTime = header.Setting("round-time") is { } ticks ? TimeSpan.FromTicks(long.TryParse(ticks, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : throw new ArgumentException($"setting 'round-time' has '{ticks}', not a positive number of ticks")) : null,
        };
    }

    /// <summary>Rebuilds the session of <paramref name="log"/>: its state, its result and the JSON <c>parley mediate --json</c> printed.</summary>
    /// <exception cref="Protocols.InvalidLogException">An event the protocol does not reproduce.</exception>
    /// <exception cref="ArgumentException">A header that does not set up a single-text session.</exception>
    public static ReplayedSession Replay(NegotiationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var settings = SettingsOf(log) with { StatusQuoModel = StatusQuoArticleAcceptance.ModelFor(log.Scenario) };
        var setup = SessionReplay.SetupOf(log);
        if (settings.RoundTime is not null)
        {
            setup = setup with { RecordElapsed = true };
        }

        var negotiation = new SingleTextNegotiation(setup, settings);
        negotiation.Replay(log.Events);
        var voters = (log.Header.Setting("voters") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var result = MediationResult.From(negotiation, log.Scenario, log.Header.Setting("mediator-strategy") ?? settings.MediatorLabel, voters);
        return new ReplayedSession(log, negotiation, result, MediationJson.SummaryText(result, log.Scenario));
    }

    private static bool Bool(string? text, string name) => text switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new ArgumentException($"setting '{name}' is '{text}', not true or false"),
    };

    private static int Int(string text, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"setting '{name}' has '{text}', not an integer");
}
