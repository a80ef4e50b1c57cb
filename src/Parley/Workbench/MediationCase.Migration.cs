using Parley.Protocols;

namespace Parley.Workbench;

/// <summary>Logs stored before the case's rounds ran on the engine: recognised, and migrated in memory by re-deriving the engine's events.</summary>
public sealed partial class MediationCase
{
    /// <summary>
    /// Whether <paramref name="log"/> was stored before the case's rounds, votes and signing ran on the
    /// engine (its creation carries no engine events): <see cref="Replay"/> would fold it into a case
    /// whose engine never started; <see cref="Migrate"/> reads it.
    /// </summary>
    public static bool PredatesEngine(IReadOnlyList<CaseRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Count > 0 && log[0].Event is CaseCreated { Engine: null };
    }

    /// <summary>
    /// Rebuilds a case from a log stored before the engine ran its rounds (<see cref="PredatesEngine"/>):
    /// every round, vote, closing, signing and signature in it is decided again, by the engine, at its
    /// recorded time and by its recorded author, and must give the recorded events (the engine is
    /// deterministic); the case then holds those events with the engine's events they stand for. The
    /// sequences, times and every view stay as they were; the stored log itself is not changed.
    /// </summary>
    /// <remarks>
    /// One difference of rule is carried over rather than re-decided: before the engine, a refused
    /// signature closed the case ("declined"); the engine would open the next signing instead. Such a
    /// closing is kept as the mediator's closing after the engine records the refusal, so the case
    /// stays closed as it was.
    /// </remarks>
    /// <exception cref="InvalidLogException">An event the engine does not derive (with its sequence and both descriptions).</exception>
    public static MediationCase Migrate(IReadOnlyList<CaseRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!PredatesEngine(log))
        {
            throw new InvalidLogException(1, "the log does not begin with a creation stored before the engine");
        }

        var created = (CaseCreated)log[0].Event;
        var probe = new MediationCase();
        probe.Apply(log[0]);
        var c = new MediationCase();
        c.Apply(log[0] with { Event = created with { Engine = EngineProtocol.StartEvents(probe.Domain, probe.Seats) } });
        var i = 1;
        while (i < log.Count)
        {
            var r = log[i];
            if (r.Sequence != i + 1)
            {
                throw new InvalidLogException(r.Sequence, $"event {r.Sequence} stands at position {i + 1}");
            }

            (Audience Actor, CaseCommand Command)? command;
            switch (r.Event)
            {
                case RoundOpened o:
                    command = (Audience.Mediator, new OpenRound(o.Text, o.Deadline is { } d ? d - r.At : null));
                    break;
                case BallotCast b:
                    command = (Audience.Delegation(b.Seat), new Vote(b.Yes));
                    break;
                case RoundClosed { Reason: "mediator" }:
                    command = (Audience.Mediator, new CloseRound());
                    break;
                case RoundClosed:
                    command = null;   // the deadline's passing: the clock ticks
                    break;
                case SigningOpened:
                    command = (Audience.Mediator, new OpenSigning());
                    break;
                case Signed s:
                    command = (Audience.Delegation(s.Seat), new Sign(s.Yes));
                    break;
                case CaseClosed closed:
                    command = (Audience.Mediator, new CloseCase(closed.Reason));
                    break;
                default:
                    c.Apply(r);   // invitations, declarations, comments, notes: the engine has no part in them
                    i++;
                    continue;
            }

            var decision = command is { } given ? c.Decide(given.Actor, given.Command, r.At) : c.Tick(r.At);
            if (!decision.Accepted || decision.Events.Count == 0)
            {
                throw new InvalidLogException(r.Sequence, $"the engine does not take the stored {r.Event.Kind} ({decision.Message ?? "nothing happens at its time"})");
            }

            var matched = 0;
            while (matched < decision.Events.Count && i + matched < log.Count && log[i + matched].At == r.At && Same(decision.Events[matched], log[i + matched].Event))
            {
                matched++;
            }

            if (matched == decision.Events.Count)
            {
                for (var k = 0; k < matched; k++)
                {
                    c.Apply(new CaseRecord(r.Sequence + k, r.At, decision.Events[k]));
                }

                i += matched;
            }
            else if (r.Event is Signed { Yes: false } && matched == 1 && i + 1 < log.Count && log[i + 1].Event is CaseClosed { Agreement: false } && log[i + 1].At == r.At)
            {
                // Declined: the engine records the refusal; the case closes as it did then.
                c.Apply(new CaseRecord(r.Sequence, r.At, decision.Events[0]));
                c.Apply(log[i + 1]);
                i += 2;
            }
            else
            {
                var at = i + matched;
                throw new InvalidLogException(
                    at < log.Count ? log[at].Sequence : log.Count + 1,
                    $"the log has {(at < log.Count ? Describe(log[at].Event) : "nothing more")} where the engine derives {(matched < decision.Events.Count ? Describe(decision.Events[matched]) : "nothing more")}{(at < log.Count && matched < decision.Events.Count && log[at].Event.Kind == decision.Events[matched].Kind ? " with other content" : "")}");
            }
        }

        return c;
    }

    private static bool Same(CaseEvent derived, CaseEvent stored) =>
        string.Equals(CaseJson.Serialize(derived with { Engine = null }), CaseJson.Serialize(stored with { Engine = null }), StringComparison.Ordinal);

    // Names an event by its kind only: the message may reach any participant, and a ballot or a declaration is confidential.
    private static string Describe(CaseEvent e) => $"a {e.Kind} event";
}
