namespace Parley.Agents;

/// <summary>A built-in agent as listed by <c>parley agents</c>.</summary>
/// <param name="Id">The short id used on the command line (e.g. <c>boulware</c>).</param>
/// <param name="Description">One line: what the agent does.</param>
/// <param name="Source">The publication the strategy comes from.</param>
public sealed record AgentDescriptor(string Id, string Description, string Source);
