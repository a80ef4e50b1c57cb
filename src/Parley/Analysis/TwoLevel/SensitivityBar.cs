namespace Parley.Analysis.TwoLevel;

/// <summary>
/// One bar of a tornado chart: how a headline frequency changes when one uncertainty range's draws
/// fall in the lower half of the range versus the upper half (the others drawn as usual).
/// </summary>
/// <param name="Range">The range's label (target, party, issue, option, constituency).</param>
/// <param name="Assumption">The range's modelling assumption.</param>
/// <param name="Low">The frequency among draws in the lower half.</param>
/// <param name="High">The frequency among draws in the upper half.</param>
public sealed record SensitivityBar(string Range, string Assumption, double Low, double High)
{
    /// <summary>How far apart the two frequencies are.</summary>
    public double Swing => Math.Abs(High - Low);
}
