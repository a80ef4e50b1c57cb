namespace Parley.Domains;

/// <summary>The three kinds of issue Parley models.</summary>
public enum IssueKind
{
    /// <summary>Named options with no order (GENIUS "discrete").</summary>
    Categorical,

    /// <summary>Whole numbers between two bounds, with an optional step.</summary>
    Integer,

    /// <summary>Real numbers between two bounds, discretised into evenly spaced levels for analysis.</summary>
    Real,
}
