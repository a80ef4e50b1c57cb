namespace Parley.Analysis;

/// <summary>Where a published frontier point stands against Parley's frontier.</summary>
public enum PublishedPointVerdict
{
    /// <summary>A frontier point has the same utilities (within the tolerance).</summary>
    OnFrontier,

    /// <summary>A frontier point is at least as good for every party and better for one.</summary>
    Dominated,

    /// <summary>No frontier point reaches it: no outcome gives these utilities under Parley's reading of the profiles.</summary>
    AboveFrontier,
}
