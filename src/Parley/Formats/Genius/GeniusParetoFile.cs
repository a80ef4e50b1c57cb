using System.Globalization;

namespace Parley.Formats.Genius;

/// <summary>
/// Reads the <c>pareto.xml</c> files the ANAC 2014 and S-1N* folders ship: despite the name, plain text
/// with one published frontier point per line, the parties' utilities separated by commas, in the order of
/// the profiles' file names.
/// </summary>
public static class GeniusParetoFile
{
    /// <summary>Reads the published points, in file order.</summary>
    /// <exception cref="InputException">The file is missing, too large, or a line is not a list of finite numbers of one length.</exception>
    public static IReadOnlyList<double[]> Read(string path)
    {
        GeniusXml.CheckSize(path);
        var points = new List<double[]>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split(',');
            var point = new double[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out point[i]) || !double.IsFinite(point[i]))
                {
                    throw new InputException(path, $"line {lineNumber.ToString(CultureInfo.InvariantCulture)}", $"'{parts[i].Trim()}' is not a finite number; a published frontier line lists utilities separated by commas");
                }
            }

            if (points.Count > 0 && point.Length != points[0].Length)
            {
                throw new InputException(path, $"line {lineNumber.ToString(CultureInfo.InvariantCulture)}", $"the line has {point.Length} utilities but the first has {points[0].Length}");
            }

            points.Add(point);
        }

        if (points.Count == 0)
        {
            throw new InputException(path, string.Empty, "the file lists no frontier point");
        }

        return points;
    }
}
