using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// GENIUS's random-flipping mediator: each new text flips one to three random articles of the
/// last text all parties accepted; a text is adopted only if all accept. It has no memory of
/// rejected texts and runs until the deadline.
/// </summary>
public sealed class RandomFlippingMediator : MediatorStrategy
{
    /// <inheritdoc />
    public override string Name => "random-flip";

    /// <inheritdoc />
    public override Outcome? Propose(MediatorView view) =>
        Mutate(view, 1 + view.Random.Next(3), avoidTried: false);
}
