namespace Parley.Workbench;

/// <summary>What the mediator lets observers see (flags; none by default: observers see the title and status only).</summary>
[Flags]
public enum ObserverAccess
{
    /// <summary>Nothing beyond the title, the issues and the status.</summary>
    None = 0,

    /// <summary>The public record: texts put to the parties, the adopted text, round results, signatures, public comments.</summary>
    PublicRecord = 1,

    /// <summary>Each delegation's ballot (after the round has closed).</summary>
    Ballots = 2,

    /// <summary>The profiles the mediator sees (for a teacher's debriefing).</summary>
    Profiles = 4,
}
