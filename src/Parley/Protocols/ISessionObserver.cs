namespace Parley.Protocols;

/// <summary>Receives a session's events as they happen (a live table, a progress bar).</summary>
public interface ISessionObserver
{
    /// <summary>Called after each action with every party's undiscounted utility of the offer acted on (NaN when none).</summary>
    void OnEvent(in SessionEvent e, ReadOnlySpan<double> utilities);
}
