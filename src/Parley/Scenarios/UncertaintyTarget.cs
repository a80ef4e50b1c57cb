namespace Parley.Scenarios;

/// <summary>Which numbers of a scenario an <see cref="UncertainParameter"/> varies.</summary>
public enum UncertaintyTarget
{
    /// <summary>Every weight of a party (renormalised to the original total after the draw).</summary>
    Weights,

    /// <summary>One weight of a party (the party's weights are renormalised to the original total after the draw).</summary>
    Weight,

    /// <summary>Every option value of a party (clamped to [0, 1]).</summary>
    Values,

    /// <summary>One option value of a party (clamped to [0, 1]).</summary>
    Value,

    /// <summary>Every "no clause" status-quo value of a party (clamped to [0, 1]).</summary>
    StatusQuoValues,

    /// <summary>One "no clause" status-quo value of a party (clamped to [0, 1]).</summary>
    StatusQuoValue,

    /// <summary>A party's explicit reservation value.</summary>
    ReservationValue,

    /// <summary>The centre of one constituency's approval threshold.</summary>
    Threshold,
}
