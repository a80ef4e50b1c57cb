using System.Globalization;
using System.Text;
using Parley.Protocols;

namespace Parley.Tests.Protocols.Engine;

/// <summary>Collects a negotiation's events and describes its state, for replay comparisons.</summary>
internal sealed class EventCollector : INegotiationObserver
{
    public List<NegotiationEvent> Events { get; } = [];

    public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => Events.Add(e);

    public static (T Negotiation, EventCollector Log) Observe<T>(T negotiation)
        where T : Negotiation
    {
        var log = new EventCollector();
        negotiation.Observe(log);
        return (negotiation, log);
    }
}

internal static class StateText
{
    /// <summary>Everything a protocol's state exposes, as text: equal texts, equal states.</summary>
    public static string Of(Negotiation n)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"events={n.EventCount} over={n.IsOver} reason={n.EndReason} round={n.Round} t={n.Time:R} elapsed={n.Elapsed} failure={n.Failure}");
        for (var a = 0; a < n.Setup.ActorCount; a++)
        {
            sb.Append(c, $" allowed{a}={n.Allowed(a)}");
        }

        switch (n)
        {
            case SaopNegotiation s:
                sb.Append(c, $" turn={s.Turn} table={s.Table} by={s.OfferedBy} acc={s.Acceptances} actions={s.Actions} last={s.LastActionRound} walked={s.WalkedAwayParty} agreement={s.Agreement}");
                break;
            case MopacNegotiation m:
                sb.Append(c, $" phase={m.Phase} actions={m.Actions}");
                for (var p = 0; p < m.Setup.PartyCount; p++)
                {
                    sb.Append(c, $" [{p}: active={m.IsActive(p)} offer={m.Offers[p]} votes={string.Join(";", m.VotesOf(p))} deal={m.Agreements[p]}]");
                }

                break;
        }

        return sb.ToString();
    }
}
