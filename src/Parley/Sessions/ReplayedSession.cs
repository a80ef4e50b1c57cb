using Parley.Protocols;
using Parley.Protocols.Log;

namespace Parley.Sessions;

/// <summary>A session rebuilt from its log.</summary>
/// <param name="Log">The log it was rebuilt from.</param>
/// <param name="Negotiation">The state machine, in the state the log leaves it (it can go on from there).</param>
/// <param name="Result">The protocol's result object (<see cref="SessionResult"/> for SAOP, a mediation result for single text).</param>
/// <param name="Json">The result in the JSON contract of the command that ran the session.</param>
/// <param name="Details">Protocol-specific extras a host may print (for SAOP, the <see cref="Analysis.OutcomeMetrics"/>).</param>
public sealed record ReplayedSession(NegotiationLog Log, Negotiation Negotiation, object Result, string Json, object? Details = null);
