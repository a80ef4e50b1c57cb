using BenchmarkDotNet.Attributes;
using Parley.Formats.Genius;
using Parley.Formats.ParleyJson;
using Parley.Mediation;
using Parley.Scenarios;

namespace Parley.Benchmarks.Mediation;

/// <summary>
/// Mediated sessions as a mediated tournament runs them (no event trace kept): an annealing
/// mediator over 200 rounds of votes on ANAC 2012 CameraC (3,600 outcomes, truthful parties), the
/// same in the veto protocol, and the Israel–Syria scenario issue by issue with the hill-climbing
/// mediator (the demo's session) and with the trusted Nash mediator (package search and
/// post-settlement). Each operation is one whole session.
/// </summary>
[MemoryDiagnoser]
public class MediationSessionBenchmarks
{
    private Scenario _camera = null!;
    private Scenario _israelSyria = null!;

    [GlobalSetup]
    public void Setup()
    {
        _camera = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2012", "CameraC"));
        _israelSyria = ParleyScenarioReader.Read(Path.Combine(RepoRoot(), "scenarios", "israel-syria-2026.json"));
    }

    [Benchmark(Baseline = true)]
    public MediationResult Annealing_Votes_200Rounds_CameraC() =>
        new MediationSession(_camera, new AnnealingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 200, RecordEvents = false }, seed: 1).Run();

    [Benchmark]
    public MediationResult RandomFlip_Veto_200Rounds_CameraC() =>
        new MediationSession(_camera, new RandomFlippingMediator(), [new TruthfulVoter()], new MediationOptions { Protocol = MediatedProtocol.Veto, Rounds = 200, RecordEvents = false }, seed: 1).Run();

    [Benchmark]
    public MediationResult HillClimbing_Agenda_IsraelSyria() =>
        new MediationSession(_israelSyria, new HillClimbingMediator(), [new TruthfulVoter()], new MediationOptions { Agenda = [.. Enumerable.Range(0, _israelSyria.Domain.IssueCount)], RecordEvents = false }, seed: 1).Run();

    [Benchmark]
    public MediationResult TrustedNash_IsraelSyria() =>
        new MediationSession(_israelSyria, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions { RecordEvents = false }, seed: 1).Run();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Parley.slnx");
    }
}
