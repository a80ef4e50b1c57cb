using Parley.Workbench;

namespace Parley.Server.Live;

/// <summary>What a reconnecting client missed.</summary>
/// <param name="Version">The negotiation's version now.</param>
/// <param name="Records">The records it may see after its last seen one.</param>
public sealed record CatchUpResult(long Version, IReadOnlyList<CaseRecord> Records);
