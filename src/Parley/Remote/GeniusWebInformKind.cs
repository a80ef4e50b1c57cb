namespace Parley.Remote;

/// <summary>The GeniusWeb informs (messages to a party), by their class names on the wire.</summary>
public enum GeniusWebInformKind
{
    /// <summary><c>Settings</c>: the party's id, profile reference, protocol, deadline, parameters.</summary>
    Settings,

    /// <summary><c>YourTurn</c>: the party is expected to act.</summary>
    YourTurn,

    /// <summary><c>ActionDone</c>: an action some party took (the party's own included).</summary>
    ActionDone,

    /// <summary><c>Voting</c> (MOPAC): the round's offers to vote on, and every party's power.</summary>
    Voting,

    /// <summary><c>OptIn</c> (MOPAC): every party's votes, to extend one's own.</summary>
    OptIn,

    /// <summary><c>Finished</c>: the session is over, with the agreements reached.</summary>
    Finished,
}
