using System.Text.Json.Serialization;

namespace Parley.Workbench;

/// <summary>A delegation answered the text of a round article by article (confidential: its delegation and the mediator see it).</summary>
/// <param name="Round">The round.</param>
/// <param name="Seat">The delegation.</param>
/// <param name="Answers">Its answers.</param>
public sealed record ArticlesAnswered(int Round, int Seat, IReadOnlyList<ArticleAnswer> Answers) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "articles-answered";
}

/// <summary>The mediator recorded a partial agreement: these articles, with these options, are agreed (public; a later record of the same article replaces it).</summary>
/// <param name="Round">The round the agreement came from (0 before the first round).</param>
/// <param name="Articles">Issue name → agreed option.</param>
public sealed record AgreementRecorded(int Round, IReadOnlyDictionary<string, string> Articles) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "agreement-recorded";
}
