using CsCheck;
using Parley.Analysis;
using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Tests.Generators;

namespace Parley.Tests.Mediation;

public sealed class MediationPropertyTests
{
    private static readonly string[] MediatorNames = ["hill-climbing", "annealing", "random-flip", "nash", "maximin"];

    [Fact]
    public void Run_AnyMediatorOnGeneratedScenarios_NeverPutsATextAcrossARedLine()
    {
        var gen = Gen.Select(ModelGen.Scenario(parties: 2, maxIssues: 4, withRedLines: true, allowReal: false), Gen.Int[0, MediatorNames.Length - 1], Gen.Int[0, 2], Gen.Bool, Gen.Int);
        gen.Sample(
            (scenario, m, protocol, agenda, seed) =>
            {
                var options = new MediationOptions
                {
                    Rounds = 40,
                    Protocol = (MediatedProtocol)protocol,
                    Agenda = agenda ? Enumerable.Range(0, scenario.Domain.IssueCount).Reverse().ToArray() : null,
                };
                var result = new MediationSession(scenario, MediationSessionTests.Mediator(MediatorNames[m]), [new AnnealingVoter()], options, seed).Run();
                var guard = new RedLineGuard(scenario.Domain, scenario.Profiles);
                var ok = result.EndReason != EndReason.Failure || result.FailureMessage!.Contains("red lines", StringComparison.Ordinal);
                foreach (var v in result.Versions)
                {
                    ok &= !guard.IsCrossed(v.Draft);
                }

                foreach (var r in result.Trace.Where(r => r.Issue is null))
                {
                    ok &= !guard.IsCrossed(r.Proposal.Levels);
                }

                return ok && !guard.IsCrossed(result.Agreement.Agreed);
            },
            iter: 150);
    }

    [Fact]
    public void Improve_OnGeneratedDeals_NeverLeavesAPartyWorseOff()
    {
        var gen = ModelGen.Scenario(parties: 3, maxIssues: 4, withRedLines: true, allowReal: false).SelectMany(s =>
            Gen.Int.Select(seed => (s, seed)));
        gen.Sample(
            t =>
            {
                var (scenario, seed) = t;
                var guard = new RedLineGuard(scenario.Domain, scenario.Profiles);
                if (!guard.TryComplete(PartialOutcome.AllOpen(scenario.Domain.IssueCount), new Random(seed), out var deal))
                {
                    return true;
                }

                var better = PostSettlement.Improve(scenario.Profiles, guard, deal);
                return better is null
                    || (!guard.IsCrossed(better.Levels)
                        && scenario.Profiles.All(p => p.Utility(better) >= p.Utility(deal) - 1e-9)
                        && scenario.Profiles.Sum(p => p.Utility(better)) > scenario.Profiles.Sum(p => p.Utility(deal)));
            },
            iter: 200);
    }

    [Fact]
    public void Improve_OnAParetoOptimalDeal_FindsNothing()
    {
        ModelGen.Scenario(parties: 2, maxIssues: 4, withRedLines: false, allowReal: false).Sample(
            scenario =>
            {
                var guard = new RedLineGuard(scenario.Domain, scenario.Profiles);
                var nash = BruteForce.Nash(scenario.Profiles, scenario.Domain);
                return nash is null || PostSettlement.Improve(scenario.Profiles, guard, nash) is null
                    || scenario.Profiles.Any(p => p.Utility(nash) <= p.ReservationValue + 1e-12);
            },
            iter: 200);
    }

    [Fact]
    public void TrustedMediator_OnGeneratedDomains_ProposesTheAnalysisNashPoint()
    {
        var options = new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false, MaxDegreeOfParallelism = 1 };
        ModelGen.Scenario(parties: 2, maxIssues: 5, withRedLines: true, allowReal: true).Sample(
            scenario =>
            {
                var nash = OutcomeSpaceAnalyzer.Analyze(scenario, options).Nash;
                var result = new MediationSession(scenario, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 10 }, seed: 1).Run();
                if (nash is null)
                {
                    return result.EndReason != EndReason.Agreement;
                }

                return SameNashPoint(scenario, new Outcome(result.Versions[0].Draft.Levels), nash);
            },
            iter: 300);
    }

    [Fact]
    public void TrustedMediator_OnGeneratedThreePartyDomains_ProposesTheAnalysisNashPoint()
    {
        var options = new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false, MaxDegreeOfParallelism = 1 };
        ModelGen.Scenario(parties: 3, maxIssues: 4, withRedLines: true, allowReal: false).Sample(
            scenario =>
            {
                var nash = OutcomeSpaceAnalyzer.Analyze(scenario, options).Nash;
                var result = new MediationSession(scenario, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 10 }, seed: 1).Run();
                return nash is null
                    ? result.EndReason != EndReason.Agreement
                    : SameNashPoint(scenario, new Outcome(result.Versions[0].Draft.Levels), nash);
            },
            iter: 150);
    }

    // The same point of the utility space (outcomes may differ only where several outcomes share it, or
    // where Nash products differ by rounding alone: the mediator treats products within 1e-12 as tied
    // and prefers the larger sum, then the first outcome in index order; see docs/mediation.md).
    private static bool SameNashPoint(Parley.Scenarios.Scenario scenario, Outcome package, SolutionPoint nash)
    {
        var product = 1.0;
        var nashProduct = 1.0;
        for (var p = 0; p < scenario.Profiles.Count; p++)
        {
            var profile = scenario.Profiles[p];
            if (!profile.Accepts(package.Levels) || Math.Abs(profile.Utility(package) - nash.Utilities[p]) > 1e-9)
            {
                return false;
            }

            product *= profile.Utility(package) - profile.ReservationValue;
            nashProduct *= nash.Utilities[p] - profile.ReservationValue;
        }

        return Math.Abs(product - nashProduct) <= 1e-12;
    }

    [Fact]
    public void TrustedMediator_OnGeneratedDomains_ProposesTheNashPoint()
    {
        ModelGen.Scenario(parties: 2, maxIssues: 5, withRedLines: true, allowReal: true).Sample(
            scenario =>
            {
                var expected = BruteForce.Nash(scenario.Profiles, scenario.Domain);
                var result = new MediationSession(scenario, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 10 }, seed: 1).Run();
                if (expected is null)
                {
                    return result.EndReason != EndReason.Agreement;
                }

                var opening = new Outcome(result.Versions[0].Draft.Levels);
                return opening.Equals(expected) && result.Deal is not null
                    && scenario.Profiles.All(p => p.Utility(result.Deal) >= p.Utility(expected) - 1e-9);
            },
            iter: 200);
    }
}
