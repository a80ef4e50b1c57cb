namespace Parley.Tests.Workbench;

/// <summary>
/// Logs as the server stored them before the case's rounds ran on the engine (before commit
/// b79e7cc, "the stand-in RoundVotingProtocol is deleted"): the same event shapes, no <c>engine</c>
/// member, and the stand-in's rules (a refused signature closed the case, "declined").
/// </summary>
internal static class PreEngineLogs
{
    /// <summary>A scratch case: invitations, a declaration, a comment, rounds closed by the last vote, by the mediator and by the deadline, an adopted text, a declined signature.</summary>
    public const string Declined = """
        [
          {"sequence":1,"at":"2026-11-20T09:00:00+00:00","event":{"type":"created","title":"Border talks","source":"scratch","issues":[{"name":"Border","options":["a","b","c"]},{"name":"Water","options":["x","y"]}],"seats":["North","South"]}},
          {"sequence":2,"at":"2026-11-20T09:00:00+00:00","event":{"type":"invited","invitation":"m1","role":"mediator","seat":-1,"label":"mediator","tokenHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
          {"sequence":3,"at":"2026-11-20T09:01:00+00:00","event":{"type":"invited","invitation":"n1","role":"delegation","seat":0,"label":"North","tokenHash":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}},
          {"sequence":4,"at":"2026-11-20T09:01:00+00:00","event":{"type":"invited","invitation":"s1","role":"delegation","seat":1,"label":"South","tokenHash":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"}},
          {"sequence":5,"at":"2026-11-20T09:05:00+00:00","event":{"type":"profile-declared","seat":0,"weights":{"Border":2,"Water":1},"values":{"Border":{"a":1,"b":0.5,"c":0},"Water":{"x":1,"y":0}},"reservation":0.2,"redLines":[],"sharedWithMediator":true}},
          {"sequence":6,"at":"2026-11-20T09:06:00+00:00","event":{"type":"comment","author":{"role":"delegation","seat":0},"text":"We start from the border.","to":"everyone","toSeat":-1}},
          {"sequence":7,"at":"2026-11-20T09:10:00+00:00","event":{"type":"round-opened","round":1,"text":{"Border":"a","Water":"x"},"deadline":"2026-11-20T10:10:00+00:00"}},
          {"sequence":8,"at":"2026-11-20T09:12:00+00:00","event":{"type":"ballot","round":1,"seat":0,"yes":true}},
          {"sequence":9,"at":"2026-11-20T09:15:00+00:00","event":{"type":"ballot","round":1,"seat":1,"yes":false}},
          {"sequence":10,"at":"2026-11-20T09:15:00+00:00","event":{"type":"round-closed","round":1,"yes":1,"no":1,"missing":0,"adopted":false,"reason":"all-voted"}},
          {"sequence":11,"at":"2026-11-20T09:20:00+00:00","event":{"type":"round-opened","round":2,"text":{"Border":"b","Water":"y"}}},
          {"sequence":12,"at":"2026-11-20T09:22:00+00:00","event":{"type":"ballot","round":2,"seat":1,"yes":true}},
          {"sequence":13,"at":"2026-11-20T09:25:00+00:00","event":{"type":"round-closed","round":2,"yes":1,"no":0,"missing":1,"adopted":false,"reason":"mediator"}},
          {"sequence":14,"at":"2026-11-20T09:30:00+00:00","event":{"type":"round-opened","round":3,"text":{"Border":"c","Water":"y"},"deadline":"2026-11-20T09:40:00+00:00"}},
          {"sequence":15,"at":"2026-11-20T09:41:00+00:00","event":{"type":"round-closed","round":3,"yes":0,"no":0,"missing":2,"adopted":false,"reason":"deadline"}},
          {"sequence":16,"at":"2026-11-20T09:45:00+00:00","event":{"type":"round-opened","round":4,"text":{"Border":"b","Water":"x"}}},
          {"sequence":17,"at":"2026-11-20T09:46:00+00:00","event":{"type":"ballot","round":4,"seat":0,"yes":true}},
          {"sequence":18,"at":"2026-11-20T09:47:00+00:00","event":{"type":"ballot","round":4,"seat":1,"yes":true}},
          {"sequence":19,"at":"2026-11-20T09:47:00+00:00","event":{"type":"round-closed","round":4,"yes":2,"no":0,"missing":0,"adopted":true,"reason":"all-voted"}},
          {"sequence":20,"at":"2026-11-20T09:50:00+00:00","event":{"type":"signing-opened","text":{"Border":"b","Water":"x"}}},
          {"sequence":21,"at":"2026-11-20T09:51:00+00:00","event":{"type":"signed","seat":0,"yes":true}},
          {"sequence":22,"at":"2026-11-20T09:52:00+00:00","event":{"type":"signed","seat":1,"yes":false}},
          {"sequence":23,"at":"2026-11-20T09:52:00+00:00","event":{"type":"closed","agreement":false,"reason":"declined"}}
        ]
        """;

    /// <summary>The first 19 events of <see cref="Declined"/>: an adopted text, signing not yet opened (a case still running).</summary>
    public static string Running => Declined[..Declined.IndexOf("  {\"sequence\":20,", StringComparison.Ordinal)].TrimEnd().TrimEnd(',') + "\n]";

    /// <summary>A log the engine does not reproduce: the stand-in closed round 1 as adopted although a delegation voted no.</summary>
    public static string Tampered => Declined.Replace("\"yes\":1,\"no\":1,\"missing\":0,\"adopted\":false", "\"yes\":1,\"no\":1,\"missing\":0,\"adopted\":true", StringComparison.Ordinal);
}
