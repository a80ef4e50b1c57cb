namespace Parley.Protocols;

/// <summary>Combines session observers (a session options' one <see cref="SessionOptions.Observer"/> slot).</summary>
public static class SessionObservers
{
    /// <summary>One observer that tells each of <paramref name="observers"/> (nulls skipped) in order; null when none is left.</summary>
    public static ISessionObserver? Combine(params ISessionObserver?[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        ISessionObserver[] kept = [.. observers.OfType<ISessionObserver>()];
        return kept.Length switch
        {
            0 => null,
            1 => kept[0],
            _ => new All(kept),
        };
    }

    private sealed class All(ISessionObserver[] observers) : ISessionObserver
    {
        public void OnEvent(in SessionEvent e, ReadOnlySpan<double> utilities)
        {
            foreach (var observer in observers)
            {
                observer.OnEvent(e, utilities);
            }
        }
    }
}
