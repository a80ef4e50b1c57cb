using Parley.Domains;

namespace Parley.Workbench;

/// <summary>The state of a case's single-text protocol (a snapshot: immutable).</summary>
/// <param name="Round">The last round opened, from 1 (0: none yet).</param>
/// <param name="RoundOpen">Whether that round is open for votes.</param>
/// <param name="Candidate">The text of the last round.</param>
/// <param name="Deadline">When the open round closes by itself, if it has a deadline.</param>
/// <param name="Ballots">Each seat's ballot in the last round (null: not voted).</param>
/// <param name="Adopted">The single negotiating text: the last text every delegation accepted.</param>
/// <param name="SigningOpen">Whether the adopted text is open for signature.</param>
/// <param name="Signatures">Each seat's answer to signing (null: not yet).</param>
/// <param name="Closed">Whether the case is closed.</param>
/// <param name="Agreement">Whether it closed with a signed agreement.</param>
/// <param name="Phase">The engine's phase, as people read it ("opening", "proposing", "voting", "signing", "article agreement", …), or "over".</param>
/// <param name="SigningText">The text open for signature (the whole text; in article agreement, the text whose article is signed), or null.</param>
/// <param name="SigningArticle">In article agreement, the index of the article open for signature; −1 otherwise.</param>
/// <param name="Settled">The articles agreed one by one so far (after a refused signature).</param>
public sealed record SingleTextState(
    int Round,
    bool RoundOpen,
    Outcome? Candidate,
    DateTimeOffset? Deadline,
    IReadOnlyList<bool?> Ballots,
    Outcome? Adopted,
    bool SigningOpen,
    IReadOnlyList<bool?> Signatures,
    bool Closed,
    bool Agreement,
    string Phase,
    Outcome? SigningText,
    int SigningArticle,
    PartialOutcome Settled);
