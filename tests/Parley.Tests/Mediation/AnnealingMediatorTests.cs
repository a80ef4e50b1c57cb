using Parley.Domains;
using Parley.Mediation;
using Parley.Preferences;

namespace Parley.Tests.Mediation;

public sealed class AnnealingMediatorTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.2236)]
    [InlineData(1.0, 0.05)]
    public void Temperature_ByTime_GeometricFromInitialToFinal(double time, double expected) =>
        new AnnealingMediator().Temperature(time).ShouldBe(expected, 1e-4);

    [Fact]
    public void Temperature_ByRounds_SameAsTimeOfRoundOverLimit() =>
        new AnnealingMediator().Temperature(30, 120).ShouldBe(new AnnealingMediator().Temperature(0.25), 1e-12);

    [Fact]
    public void Adopt_WallTimeDeadlineSpent_CoolsAlthoughRoundsAreUnlimited()
    {
        // A --time tournament has no round limit (int.MaxValue): counted in rounds the text never
        // cooled, and a text one party rejects was still adopted with probability e^-1 at the deadline.
        var mediator = new AnnealingMediator();
        var oneRejection = new BallotTally(Parties: 2, Accepts: 1);

        var adoptedAtStart = Adoptions(mediator, oneRejection, time: 0);
        var adoptedAtDeadline = Adoptions(mediator, oneRejection, time: 1);

        adoptedAtStart.ShouldBeInRange(600, 880); // p = e^-1: about 736 of 2,000
        adoptedAtDeadline.ShouldBe(0);            // p = e^-20
    }

    private static int Adoptions(AnnealingMediator mediator, BallotTally tally, double time)
    {
        var domain = new Domain("d", [new IntegerIssue("x", 0, 9)]);
        var profile = new AdditiveProfile(domain, [1.0], [new LinearValueFunction(1.0 / 9, 0)]);
        var view = new MediatorView(domain, new RedLineGuard(domain, [profile]), new Random(5), null, maxRounds: int.MaxValue)
        {
            Round = 1_000,
            Time = time,
        };
        var candidate = new Outcome([3]);
        var adopted = 0;
        for (var i = 0; i < 2_000; i++)
        {
            adopted += mediator.Adopt(view, candidate, tally) ? 1 : 0;
        }

        return adopted;
    }
}
