using Parley.Protocols;

namespace Parley.Tests.Protocols;

public sealed class AgentCallGuardTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public void TryAbandonOverdueCall_CallOverLimit_AbandonsAndNamesTheParty()
    {
        var clock = new ManualTimeProvider();
        var guard = new AgentCallGuard(Limit, clock, ["a", "b"]);
        guard.Enter(1);
        clock.Advance(TimeSpan.FromSeconds(2));

        guard.TryAbandonOverdueCall().ShouldBeTrue();

        guard.IsAbandoned.ShouldBeTrue();
        guard.Cancellation.IsCancellationRequested.ShouldBeTrue();
        guard.Failure!.PartyName.ShouldBe("b");
        guard.Exit(1).ShouldBeFalse();
    }

    [Fact]
    public void TryAbandonOverdueCall_NextCallStartsWhileTheWatchdogLooks_LeavesTheNewCallAlone()
    {
        // The watchdog sees call 1 in progress; while it reads the clock, call 1 ends in time and
        // call 2 begins. Call 1's start then looks overdue, but the call in progress is call 2.
        var clock = new HookedTimeProvider();
        var guard = new AgentCallGuard(Limit, clock, ["a", "b"]);
        guard.Enter(0);
        clock.OnNextRead = () =>
        {
            clock.Now = TimeSpan.FromMilliseconds(500);
            guard.Exit(0).ShouldBeTrue();
            guard.Enter(1);
            clock.Now = TimeSpan.FromMilliseconds(1500);
        };

        var abandoned = guard.TryAbandonOverdueCall();

        abandoned.ShouldBeFalse();
        guard.IsAbandoned.ShouldBeFalse();
        guard.Failure.ShouldBeNull();
        guard.Exit(1).ShouldBeTrue();
    }

    /// <summary>A clock that runs a hook (once) the next time it is read, then returns <see cref="Now"/>.</summary>
    private sealed class HookedTimeProvider : TimeProvider
    {
        public TimeSpan Now { get; set; }

        public Action? OnNextRead { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            if (OnNextRead is { } hook)
            {
                OnNextRead = null;
                hook();
            }

            return Now.Ticks;
        }
    }
}
