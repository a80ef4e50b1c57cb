namespace Parley.Scenarios;

/// <summary>How a party's constituencies combine their approvals into ratification.</summary>
public enum RatificationRule
{
    /// <summary>Every constituency must approve (each is a veto player).</summary>
    Unanimity,

    /// <summary>The approving constituencies' weights must reach the quota, and every veto player must approve.</summary>
    QualifiedMajority,
}
