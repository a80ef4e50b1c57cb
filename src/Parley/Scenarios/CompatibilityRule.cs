using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>
/// Clauses that cannot stand together in any agreement, for anyone (for example "the 1974 agreement
/// applies in full" beside "three new security zones"): a scenario-level rule, public and shared,
/// unlike a party's red lines, which are private.
/// </summary>
/// <param name="Combination">The clauses that cannot stand together (every condition holding at once).</param>
/// <param name="Reason">Why they are incompatible.</param>
public sealed record CompatibilityRule(ForbiddenCombination Combination, string? Reason = null);
