namespace Parley.Mediation;

/// <summary>Watches a mediated session live: every revision of the text and every round.</summary>
public interface IMediationObserver
{
    /// <summary>A round ended; <paramref name="text"/> is the negotiating text after it.</summary>
    void OnRound(MediationRound round, NegotiatingText text);

    /// <summary>A new version of the text (including the first and the final one).</summary>
    void OnRevision(NegotiatingText text);
}
