namespace Parley.Remote;

/// <summary>The <c>Settings</c> inform: the first message a party receives.</summary>
/// <param name="PartyId">The id the party acts as (<c>id</c>).</param>
/// <param name="Profile">The reference of its profile (<c>profile</c>), a URI it opens to read it.</param>
/// <param name="Protocol">The protocol (<c>protocol</c>): <c>SAOP</c> or <c>MOPAC</c>.</param>
/// <param name="Progress">The deadline (<c>progress</c>).</param>
/// <param name="Parameters">Free parameters (<c>parameters</c>), as strings.</param>
public sealed record GeniusWebSettings(string PartyId, string Profile, string Protocol, GeniusWebProgress Progress, IReadOnlyDictionary<string, string> Parameters);
