namespace Parley.Formats.Genius;

/// <summary>What a file holds, judged by its content (see <see cref="GeniusReader.Classify"/>).</summary>
public enum GeniusFileKind
{
    /// <summary>Not GENIUS XML: not XML at all (for example <c>pareto.xml</c>, a list of numbers), empty, or XML of another kind.</summary>
    NotGenius,

    /// <summary>A domain template: issues and their values, no weights or evaluations.</summary>
    Domain,

    /// <summary>A utility space (a party's profile): weights, evaluations or evaluators, reservation value, discount factor.</summary>
    Profile,
}
