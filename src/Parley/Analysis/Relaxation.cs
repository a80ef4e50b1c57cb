using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>A single change to one party's constraints that, on its own, makes the zone of agreement non-empty.</summary>
/// <param name="Kind">Which constraint changes.</param>
/// <param name="Party">The party's position in the analysed profiles.</param>
/// <param name="PartyName">The party's name.</param>
/// <param name="RedLine">The red line to drop (for <see cref="RelaxationKind.DropRedLine"/>).</param>
/// <param name="RedLineIndex">The red line's position in the party's profile (−1 for a reservation change).</param>
/// <param name="Amount">How much the reservation value must fall (0 for a red line).</param>
/// <param name="NewReservationValue">The reservation value that opens the zone (the party's current one for a red line).</param>
/// <param name="Description">The change in words.</param>
public sealed record Relaxation(
    RelaxationKind Kind,
    int Party,
    string PartyName,
    RedLine? RedLine,
    int RedLineIndex,
    double Amount,
    double NewReservationValue,
    string Description);
