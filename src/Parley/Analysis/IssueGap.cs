namespace Parley.Analysis;

/// <summary>How far apart the parties are on one issue.</summary>
/// <param name="Issue">The issue's position in the domain.</param>
/// <param name="IssueName">The issue's name.</param>
/// <param name="IdealLevels">Each party's ideal level on this issue (in party order): the level its weighted value function rates highest among those its own single-issue red lines allow (lowest level on ties; −1 when it allows none).</param>
/// <param name="AcceptableLevels">The levels that appear in at least one outcome every party accepts, ascending.</param>
/// <param name="CommonlyAllowedLevels">The levels that no party's single-issue red line forbids, ascending.</param>
/// <param name="IsBlocking">
/// Whether the issue blocks agreement: the zone is empty and either no level survives every party's
/// single-issue red lines, or dropping one red line that mentions this issue opens the zone.
/// </param>
/// <param name="BlockingRedLines">The opening red-line drops (see <see cref="AnalysisResult.Relaxations"/>) whose line mentions this issue.</param>
public sealed record IssueGap(
    int Issue,
    string IssueName,
    IReadOnlyList<int> IdealLevels,
    IReadOnlyList<int> AcceptableLevels,
    IReadOnlyList<int> CommonlyAllowedLevels,
    bool IsBlocking,
    IReadOnlyList<Relaxation> BlockingRedLines);
