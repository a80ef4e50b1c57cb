using Parley.Workbench;

namespace Parley.Server;

/// <summary>What became of a command: stored (with its records and the new version), refused, or stale.</summary>
/// <param name="Refusal">The case's refusal, or none.</param>
/// <param name="Message">The refusal in words.</param>
/// <param name="Records">The stored records (empty when refused).</param>
/// <param name="Version">The case's version afterwards.</param>
/// <param name="Stale">The client's If-Match version was not the current one.</param>
internal sealed record CommandOutcome(CaseRefusalKind Refusal, string? Message, IReadOnlyList<CaseRecord> Records, long Version, bool Stale = false);
