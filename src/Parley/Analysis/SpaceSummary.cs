using System.Numerics;

namespace Parley.Analysis;

/// <summary>What an engine computes for a set of profiles: the exact frontier and, on request, the zone and acceptable levels.</summary>
internal sealed class SpaceSummary
{
    public SpaceSummary(double[] vectors, int count, List<int[]>[] outcomes)
    {
        Vectors = vectors;
        Count = count;
        Outcomes = outcomes;
    }

    /// <summary>Canonical utility vectors (Profile.Utility) of the frontier points, flattened, sorted descending.</summary>
    public double[] Vectors { get; }

    public int Count { get; }

    /// <summary>Per frontier point, its outcomes' levels in outcome-index order.</summary>
    public List<int[]>[] Outcomes { get; }

    public BigInteger? ZoneCount { get; set; }

    /// <summary>Per issue, per level: whether the level appears in an outcome every party accepts (null when not computed).</summary>
    public bool[][]? AcceptableLevels { get; set; }
}
