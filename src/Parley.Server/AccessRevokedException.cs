namespace Parley.Server;

/// <summary>
/// A caller authorised a moment ago is no longer admitted when its request reaches the negotiation's
/// gate (its invitation was revoked, or expired, in between): the request is refused as unauthorised
/// and changes nothing.
/// </summary>
internal sealed class AccessRevokedException(string message) : Exception(message);
