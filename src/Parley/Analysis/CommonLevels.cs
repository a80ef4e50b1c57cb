using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>The levels of each issue that no party's single-issue red line forbids.</summary>
internal static class CommonLevels
{
    /// <summary>The levels of issue <paramref name="issue"/> every profile allows, ascending.</summary>
    public static int[] Of(Profile[] profiles, Domain domain, int issue)
    {
        var list = new List<int>();
        for (var l = 0; l < domain.Issues[issue].Cardinality; l++)
        {
            var allowed = true;
            foreach (var p in profiles)
            {
                if (!p.RedLines.IsLevelAllowed(issue, l))
                {
                    allowed = false;
                    break;
                }
            }

            if (allowed)
            {
                list.Add(l);
            }
        }

        return list.ToArray();
    }

    /// <summary><see cref="Of"/> for every issue, in domain order.</summary>
    public static int[][] All(Profile[] profiles, Domain domain)
    {
        var result = new int[domain.IssueCount][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Of(profiles, domain, i);
        }

        return result;
    }
}
