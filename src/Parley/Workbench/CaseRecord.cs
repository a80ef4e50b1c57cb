namespace Parley.Workbench;

/// <summary>A stored event: its place in the case's log, when it was recorded, and the event.</summary>
/// <param name="Sequence">The position in the log, from 1 (the version of the case after it).</param>
/// <param name="At">When the server recorded it.</param>
/// <param name="Event">The event.</param>
public sealed record CaseRecord(long Sequence, DateTimeOffset At, CaseEvent Event);
