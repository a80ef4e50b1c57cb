using System.Text.Json;
using Parley.Formats;
using Parley.Workbench;

namespace Parley.Tests.Workbench;

/// <summary>What the Workbench tests share: a case opened on the built-in Israel–Syria scenario, texts, and commands run to their events.</summary>
internal static class CaseFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    public static readonly string Hash = new('a', 64);

    public static MediationCase Open()
    {
        var scenario = BuiltInScenarios.Load("israel-syria-2026");
        var events = MediationCase.Create("t", "israel-syria-2026", scenario, new Invite("m", AudienceRole.Mediator, null, "mediator", Hash));
        return MediationCase.Replay(events.Select((e, i) => new CaseRecord(i + 1, T0, e)));
    }

    public static Dictionary<string, string> Text(MediationCase c, int variant) =>
        c.Domain.Issues.ToDictionary(i => i.Name, i => i.FormatLevel(Math.Min(variant, i.Cardinality - 1)));

    public static IReadOnlyList<CaseEvent> Run(MediationCase c, Audience actor, CaseCommand command)
    {
        var d = c.Decide(actor, command, T0);
        d.Refusal.ShouldBe(CaseRefusalKind.None, d.Message);
        var v = c.Version;
        foreach (var e in d.Events)
        {
            c.Apply(new CaseRecord(++v, T0, e));
        }

        return d.Events;
    }

    public static string ViewJson(MediationCase c, Audience a) => JsonSerializer.Serialize(c.ViewFor(a), CaseJson.Options);
}
