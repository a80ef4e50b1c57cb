using Parley.Agents;
using Parley.Mediation;

namespace Parley.Cli.Tests;

public sealed class MediateFailureTests
{
    private sealed class ThrowingVoter : Voter
    {
        public override string Name => "test-throwing";

        public override bool Vote(VoteContext context) => throw new InvalidOperationException("the voter broke");

        public override bool AcceptArticle(ArticleContext context) => throw new InvalidOperationException("the voter broke");
    }

    [Fact]
    public async Task Mediate_ARunThatEndsInFailure_SaysWhyOnStandardErrorAndExits1()
    {
        MediationRegistry.RegisterVoter(new AgentDescriptor("test-throwing", "Throws on every ballot.", "a test"), () => new ThrowingVoter());

        var (code, _, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--mediator", "annealing", "--voters", "test-throwing", "--json");

        code.ShouldBe(1);
        error.ShouldContain("error: the mediated session failed:");
        error.ShouldContain("the voter broke");
    }
}
