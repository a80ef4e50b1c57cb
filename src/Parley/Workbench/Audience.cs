namespace Parley.Workbench;

/// <summary>One audience of a mediation case: a role and, for a delegation, its seat.</summary>
/// <param name="Role">The role.</param>
/// <param name="Seat">The delegation's seat (index into the case's seats); −1 for the mediator and observers.</param>
public readonly record struct Audience(AudienceRole Role, int Seat)
{
    /// <summary>The mediator.</summary>
    public static Audience Mediator => new(AudienceRole.Mediator, -1);

    /// <summary>An observer.</summary>
    public static Audience Observer => new(AudienceRole.Observer, -1);

    /// <summary>The delegation holding seat <paramref name="seat"/>.</summary>
    public static Audience Delegation(int seat) => new(AudienceRole.Delegation, seat);

    /// <summary>Whether this is the mediator.</summary>
    public bool IsMediator => Role == AudienceRole.Mediator;

    /// <summary>Whether this is the delegation of <paramref name="seat"/>.</summary>
    public bool IsSeat(int seat) => Role == AudienceRole.Delegation && Seat == seat;

    /// <inheritdoc />
    public override string ToString() => Role == AudienceRole.Delegation ? $"delegation #{Seat}" : Role.ToString().ToLowerInvariant();
}
