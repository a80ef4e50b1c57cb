namespace Parley;

/// <summary>
/// A problem with input a user supplied (a file, an argument): the message names the file, the
/// place in it and what is wrong, in words a person understands.
/// </summary>
/// <remarks>
/// The CLI prints <see cref="Exception.Message"/> on one line and exits with code 2. Bugs are
/// never reported through this type: they stay ordinary exceptions.
/// </remarks>
public sealed class InputException : Exception
{
    /// <summary>Creates an input error.</summary>
    /// <param name="file">The file (or argument name) at fault; may be empty when there is none.</param>
    /// <param name="location">Where in it: "line 12", "$.issues[3].name", or empty.</param>
    /// <param name="problem">What is wrong, as a sentence fragment without a trailing period.</param>
    /// <param name="inner">The low-level exception that revealed the problem, if any.</param>
    public InputException(string file, string location, string problem, Exception? inner = null)
        : base(Compose(file, location, problem), inner)
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file (or argument) at fault, possibly empty.</summary>
    public string File { get; }

    /// <summary>Where in the file: a line, a JSON path or an XML element path; possibly empty.</summary>
    public string Location { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Compose(string file, string location, string problem)
    {
        if (string.IsNullOrEmpty(file))
        {
            return string.IsNullOrEmpty(location) ? problem : $"{location}: {problem}";
        }

        return string.IsNullOrEmpty(location) ? $"{file}: {problem}" : $"{file}: {location}: {problem}";
    }
}
