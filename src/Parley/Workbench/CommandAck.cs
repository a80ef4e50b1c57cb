namespace Parley.Workbench;

/// <summary>A durable acknowledgement: the action's events are stored.</summary>
/// <param name="Version">The negotiation's version after the action.</param>
/// <param name="Sequences">The sequences of the events it caused.</param>
public sealed record CommandAck(long Version, IReadOnlyList<long> Sequences);
