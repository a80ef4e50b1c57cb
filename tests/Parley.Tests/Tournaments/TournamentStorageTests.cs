using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class TournamentStorageTests
{
    [Fact]
    public void EstimateBytes_RealTournament_AtLeastWhatItWritesAndAtMostTwice()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition(repetitions: 5));
        var folder = SyntheticSessions.TempFolder();

        Tournament.Run(plan, SyntheticSessions.Run, folder, new TournamentRunOptions(1));
        var written = new FileInfo(Path.Combine(folder, TournamentResults.JournalFileName)).Length
            + new FileInfo(Path.Combine(folder, TournamentResults.CsvFileName)).Length;
        var estimate = TournamentStorage.EstimateBytes(plan);

        estimate.ShouldBeGreaterThanOrEqualTo(written);
        estimate.ShouldBeLessThanOrEqualTo(2 * written);
    }

    [Fact]
    public void EnsureRoom_AboveTheSessionLimit_RefusedWithTheCountAndEstimate()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition(repetitions: 1000));
        var folder = Path.Combine(SyntheticSessions.TempFolder(), "not-created");

        var ex = Should.Throw<InputException>(() => TournamentStorage.EnsureRoom(plan, folder, sessionLimit: 1000));

        ex.Message.ShouldStartWith($"--repetitions: 4 agents, 3 scenarios and 1,000 repetitions make {plan.Count:N0} sessions, above the limit of 1,000 (their journal and results.csv would take about ");
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public void EnsureRoom_WithinTheLimitAndTheDisk_Passes()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition());

        Should.NotThrow(() => TournamentStorage.EnsureRoom(plan, SyntheticSessions.TempFolder()));
    }

    [Theory]
    [InlineData(999, "999 bytes")]
    [InlineData(1500, "1.5 kB")]
    [InlineData(285_000_000_000, "285 GB")]
    [InlineData(1.234e18, "1,234 PB")]
    public void Bytes_DecimalUnits(double bytes, string expected) => TournamentStorage.Bytes(bytes).ShouldBe(expected);
}
