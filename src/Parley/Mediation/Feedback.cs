namespace Parley.Mediation;

/// <summary>A party's answer in the mediator-feedback protocol: the new text compared with the current one.</summary>
public enum Feedback
{
    /// <summary>The new text is better for the party.</summary>
    Better,

    /// <summary>The party is indifferent.</summary>
    Same,

    /// <summary>The new text is worse for the party.</summary>
    Worse,
}
