namespace Parley.Protocols;

/// <summary>An agent's failure that ended a session.</summary>
/// <param name="Party">The index of the failing party.</param>
/// <param name="PartyName">Its name.</param>
/// <param name="Kind">Exception, timeout or invalid action.</param>
/// <param name="Reason">What happened, for people (the exception's type and message, the time taken, what was invalid).</param>
public sealed record SessionFailure(int Party, string PartyName, FailureKind Kind, string Reason);
