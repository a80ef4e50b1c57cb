namespace Parley.Server.Storage;

/// <summary>A negotiation's stored snapshot: the case's state after event <paramref name="Version"/>, in snapshot format <paramref name="Format"/>.</summary>
/// <param name="Version">The sequence of the last event it covers.</param>
/// <param name="Format">The case snapshot format it was written in (<see cref="Parley.Workbench.MediationCase.SnapshotFormat"/>).</param>
/// <param name="Body">The snapshot (JSON).</param>
public sealed record StoredSnapshot(long Version, int Format, string Body);
