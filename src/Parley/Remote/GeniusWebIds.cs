namespace Parley.Remote;

/// <summary>GeniusWeb party ids for a session's parties: the party's name when it is a valid id (a letter, then letters, digits or '_'), otherwise <c>party&lt;n&gt;</c>; distinct.</summary>
public static class GeniusWebIds
{
    /// <summary>The ids of <paramref name="names"/>, in order.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var ids = new string[names.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            var name = names[i];
            var valid = name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
            var id = valid ? name : $"party{i + 1}";
            var n = i + 1;
            while (!used.Add(id))
            {
                id = $"party{n++}";
            }

            ids[i] = id;
        }

        return ids;
    }
}
