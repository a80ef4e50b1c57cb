namespace Parley.Analysis;

/// <summary>A change to one party's constraints that can open an empty zone of agreement.</summary>
public enum RelaxationKind
{
    /// <summary>Lower the party's reservation value.</summary>
    LowerReservationValue,

    /// <summary>Drop one of the party's red lines.</summary>
    DropRedLine,
}
