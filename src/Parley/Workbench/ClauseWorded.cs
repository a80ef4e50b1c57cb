using System.Text.Json.Serialization;

namespace Parley.Workbench;

/// <summary>
/// The mediator reworded the clause of one option of an article (public): from now on the text
/// shows this wording wherever the option is chosen. The option itself, and so what every side's
/// priorities make of it, is unchanged; the earlier wordings stay in the log, so every version of a
/// clause can be read and compared.
/// </summary>
/// <param name="Issue">The article (issue name).</param>
/// <param name="Option">The option whose clause is reworded.</param>
/// <param name="Text">The new wording.</param>
/// <param name="Previous">The wording it replaces (empty when the option had none).</param>
public sealed record ClauseWorded(string Issue, string Option, string Text, string Previous) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "clause-worded";
}
