using Parley.Remote;

namespace Parley.Tests.Remote;

/// <summary>
/// A session returns once the runner has closed its side of each party's connection; the party
/// server counts an instance as played when its own side of the close completes, a moment later.
/// Tests wait for that count (bounded, generously) before asserting it.
/// </summary>
internal static class PartyServerWaits
{
    public static async Task PlayedAsync(PartyServer server, int count)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (server.PlayedInstances < count && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(10);
        }
    }
}
