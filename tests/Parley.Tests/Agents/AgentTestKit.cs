using Parley.Agents;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Agents;

internal static class AgentTestKit
{
    /// <summary>A context for <paramref name="profile"/> as party 0 of two, outside any session.</summary>
    public static AgentContext Context(Profile profile, int rounds = 100, int seed = 1) =>
        new(profile, 0, ["me", "other"], new Deadline(rounds, null), new NegotiationHistory(), new Random(seed));
}
