using System.Text.Json;
using Parley.Workbench;

using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

public sealed class MediationCaseTests
{
    [Fact]
    public void Create_FromScenario_SeatsAreTheNegotiatorsAndTheMediatorIsInvited()
    {
        var c = Open();

        c.Seats.ShouldBe(["Israel", "Syria"]);
        c.Invitations.Values.Single().Role.ShouldBe(AudienceRole.Mediator);
        c.ViewFor(Audience.Mediator).Profiles.Count.ShouldBe(2);
        c.ViewFor(Audience.Delegation(0)).Profiles.Select(p => p.Seat).ShouldBe(["Israel"]);
        c.ViewFor(Audience.Observer).Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Decide_RefusedCommands_NoEventsAndStateUnchanged()
    {
        var c = Open();
        var before = JsonSerializer.Serialize(c.ViewFor(Audience.Mediator), CaseJson.Options);
        var refused = new (Audience, CaseCommand, CaseRefusalKind)[]
        {
            (Audience.Delegation(0), new Invite("x", AudienceRole.Observer, null, "", Hash), CaseRefusalKind.Forbidden),
            (Audience.Mediator, new Invite("x", AudienceRole.Delegation, "Lebanon", "", Hash), CaseRefusalKind.NotFound),
            (Audience.Mediator, new Vote(true), CaseRefusalKind.Forbidden),
            (Audience.Delegation(1), new Vote(true), CaseRefusalKind.OutOfTurn),
            (Audience.Mediator, new OpenRound(new Dictionary<string, string> { ["withdrawal"] = "none" }, null), CaseRefusalKind.Invalid),
            (Audience.Observer, new Comment("hi", CommentAudience.Everyone), CaseRefusalKind.Forbidden),
            (Audience.Delegation(0), new DeclareProfile(new Dictionary<string, double> { ["nope"] = 1 }, null, null, null, false), CaseRefusalKind.Invalid),
            (Audience.Delegation(0), new Amend("withdrawal", "moon", ""), CaseRefusalKind.Invalid),
            (Audience.Mediator, new Share(1), CaseRefusalKind.NotFound),
            (Audience.Mediator, new OpenSigning(), CaseRefusalKind.OutOfTurn),
            (Audience.Delegation(5), new Note("x"), CaseRefusalKind.NotFound),
        };

        foreach (var (actor, command, kind) in refused)
        {
            var d = c.Decide(actor, command, T0);
            d.Refusal.ShouldBe(kind, command.ToString());
            d.Events.ShouldBeEmpty();
            d.Message.ShouldNotBeNullOrWhiteSpace();
        }

        JsonSerializer.Serialize(c.ViewFor(Audience.Mediator), CaseJson.Options).ShouldBe(before);
    }

    [Fact]
    public void Round_EveryDelegationAccepts_TextAdoptedThenSigned()
    {
        var c = Open();
        var text = Text(c, 0);

        Run(c, Audience.Mediator, new OpenRound(text, null));
        Run(c, Audience.Delegation(0), new Vote(true));
        var last = Run(c, Audience.Delegation(1), new Vote(true));

        last.OfType<RoundClosed>().Single().Adopted.ShouldBeTrue();
        c.Protocol.Adopted.ShouldNotBeNull();
        Run(c, Audience.Mediator, new OpenSigning());
        Run(c, Audience.Delegation(0), new Sign(true));
        Run(c, Audience.Delegation(1), new Sign(true)).OfType<CaseClosed>().Single().Agreement.ShouldBeTrue();
        c.ViewFor(Audience.Observer).Status.ShouldBe("agreement");
    }

    [Fact]
    public void Round_DeadlinePasses_TickClosesItAndLateVotesAreRefused()
    {
        var c = Open();
        Run(c, Audience.Mediator, new OpenRound(Text(c, 0), TimeSpan.FromMinutes(5)));

        c.Tick(T0.AddMinutes(4)).Events.ShouldBeEmpty();
        c.Decide(Audience.Delegation(0), new Vote(true), T0.AddMinutes(6)).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        var tick = c.Tick(T0.AddMinutes(6));

        tick.Events.OfType<RoundClosed>().Single().Reason.ShouldBe("deadline");
    }

    [Fact]
    public void OpenRound_TextCrossesADeclaredRedLine_RefusedWithoutNamingTheDelegation()
    {
        var c = Open();
        var text = Text(c, 0);
        Run(c, Audience.Delegation(1), new DeclareProfile(null, null, null, [new OptionChoice("withdrawal", text["withdrawal"])], SharedWithMediator: false));

        var d = c.Decide(Audience.Mediator, new OpenRound(text, null), T0);

        d.Refusal.ShouldBe(CaseRefusalKind.Invalid);
        d.Message!.ShouldNotContain("Syria");
    }

    [Fact]
    public void Views_RandomSessions_NoDelegationEverSeesAnotherDelegationsPrivateData()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var c = Open();
            var now = T0;
            for (var step = 0; step < 60; step++)
            {
                now = now.AddSeconds(random.Next(1, 30));
                var actor = random.Next(4) switch { 0 => Audience.Mediator, 1 => Audience.Delegation(0), 2 => Audience.Delegation(1), _ => Audience.Observer };
                var secret = $"SECRET-{actor.Role}-{actor.Seat}";
                CaseCommand command = random.Next(9) switch
                {
                    0 => new Note(secret),
                    1 => new Comment(secret + "-TO-MEDIATOR", CommentAudience.Mediator),
                    2 => new Comment("public", CommentAudience.Everyone),
                    3 => new OpenRound(Text(c, random.Next(3)), null),
                    4 => new Vote(random.Next(2) == 0),
                    5 => new DeclareProfile(null, null, 0.31 + actor.Seat / 100.0, null, random.Next(2) == 0, new Dictionary<string, double> { ["mount-hermon"] = 0.7391 + actor.Seat / 10000.0 }),
                    6 => new CloseRound(),
                    7 => new SetObserverAccess((ObserverAccess)random.Next(8)),
                    _ => random.Next(2) is var to ? new Comment(secret + "-TO-SEAT-" + to, CommentAudience.Seat, c.Seats[to]) : null!,
                };
                var d = c.Decide(actor, command, now);
                var v = c.Version;
                foreach (var e in d.Events)
                {
                    c.Apply(new CaseRecord(++v, now, e));
                }
            }

            for (var seat = 0; seat < 2; seat++)
            {
                var other = 1 - seat;
                var json = JsonSerializer.Serialize(c.ViewFor(Audience.Delegation(seat)), CaseJson.Options);
                json.ShouldNotContain($"SECRET-Delegation-{other}", Case.Sensitive, $"seed {seed}");
                json.ShouldNotContain("TO-SEAT-" + other, Case.Sensitive, $"seed {seed}");
                json.ShouldNotContain($"0.3{(other == 0 ? "1" : "2")}", Case.Sensitive, $"seed {seed}");
                json.ShouldNotContain($"0.739{other + 1}", Case.Sensitive, $"seed {seed}");
                json.ShouldNotContain($"\"type\":\"ballot\",\"round\":{c.Protocol.Round},\"seat\":{other}", Case.Sensitive, $"seed {seed}");
                json.ShouldNotContain("SECRET-Mediator--1\"", Case.Sensitive, $"seed {seed}");
                c.ViewFor(Audience.Delegation(seat)).Profiles.ShouldAllBe(p => p.Seat == c.Seats[seat]);
            }

            var mediator = JsonSerializer.Serialize(c.ViewFor(Audience.Mediator), CaseJson.Options);
            mediator.ShouldNotContain("SECRET-Delegation-0\"", Case.Sensitive, $"seed {seed}");
            mediator.ShouldNotContain("SECRET-Delegation-1\"", Case.Sensitive, $"seed {seed}");
            var observer = JsonSerializer.Serialize(c.ViewFor(Audience.Observer), CaseJson.Options);
            observer.ShouldNotContain("SECRET-Delegation", Case.Sensitive, $"seed {seed}");
            observer.ShouldNotContain("SECRET-Mediator", Case.Sensitive, $"seed {seed}");
        }
    }

    [Fact]
    public void Replay_StoredRecords_SameStateAndViews()
    {
        var c = Open();
        Run(c, Audience.Delegation(0), new Note("mine"));
        Run(c, Audience.Mediator, new OpenRound(Text(c, 1), TimeSpan.FromHours(1)));
        Run(c, Audience.Delegation(1), new Vote(false));
        Run(c, Audience.Delegation(0), new DeclareProfile(new Dictionary<string, double> { ["withdrawal"] = 0.5 }, null, 0.4, null, true, new Dictionary<string, double> { ["mount-hermon"] = 0.35 }));

        var copy = MediationCase.Replay(CaseJson.Import(CaseJson.Export(c.Records)));

        foreach (var a in new[] { Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1) })
        {
            JsonSerializer.Serialize(copy.ViewFor(a), CaseJson.Options).ShouldBe(JsonSerializer.Serialize(c.ViewFor(a), CaseJson.Options));
        }
    }

    [Fact]
    public void Json_EveryEventKind_RoundTrips()
    {
        CaseEvent[] events =
        [
            new CaseCreated("t", "scratch", null, [new IssueSpec("a", ["x", "y"], "d")], ["p"]),
            new InvitationIssued("i", AudienceRole.Delegation, 0, "l", Hash),
            new InvitationRevoked("i"),
            new ProfileDeclared(0, new Dictionary<string, double> { ["a"] = 1 }, new Dictionary<string, IReadOnlyDictionary<string, double>> { ["a"] = new Dictionary<string, double> { ["x"] = 1, ["y"] = 0 } }, 0.5, [new OptionChoice("a", "y")], true),
            new ProfileDeclared(0, null, null, null, null, false, new Dictionary<string, double> { ["a"] = 0.25 }),
            new ObserverAccessSet(ObserverAccess.PublicRecord | ObserverAccess.Ballots),
            new CommentPosted(Audience.Delegation(0), "c", CommentAudience.Mediator, -1),
            new AmendmentProposed(0, "a", "x", "r"),
            new ItemShared(6),
            new NoteWritten(Audience.Mediator, "n"),
            new RoundOpened(1, new Dictionary<string, string> { ["a"] = "x" }, T0),
            new BallotCast(1, 0, true),
            new RoundClosed(1, 1, 0, 0, true, "all-voted"),
            new SigningOpened(new Dictionary<string, string> { ["a"] = "x" }),
            new Signed(0, true),
            new CaseClosed(true, "signed"),
            new SeatFilledByAgent(1, "truthful"),
        ];

        foreach (var e in events)
        {
            var json = CaseJson.Serialize(e);
            json.ShouldContain($"\"type\":\"{e.Kind}\"");
            CaseJson.Serialize(CaseJson.Deserialize(json)).ShouldBe(json);
        }
    }

    [Fact]
    public void SeatAgents_TruthfulAgent_VotesAsItsProfileAccepts()
    {
        var c = Open();
        Run(c, Audience.Mediator, new FillSeat("Syria", "truthful"));
        var texts = new[] { Text(c, 0), Text(c, 1), Text(c, 3) };

        foreach (var text in texts)
        {
            Run(c, Audience.Mediator, new OpenRound(text, null));
            var expected = c.ProfileOf(1)!.Accepts(c.Domain.OutcomeOf(text).Levels);

            Run(c, Audience.Delegation(1), SeatAgents.Next(c, 1).ShouldBeOfType<AnswerArticles>());   // article by article first
            SeatAgents.Next(c, 1).ShouldBe(new Vote(expected));
            SeatAgents.Next(c, 0).ShouldBeNull();   // people hold Israel's seat
            Run(c, Audience.Mediator, new CloseRound());
        }

        c.Decide(Audience.Mediator, new FillSeat("Syria", "oracle"), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Delegation(0), new FillSeat("Syria", "truthful"), T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
    }

    [Fact]
    public void InvitationTokens_Hash_IsHexSha256AndTokensDiffer()
    {
        using var rng = System.Security.Cryptography.RandomNumberGenerator.Create();
        var a = InvitationTokens.Create(rng);
        var b = InvitationTokens.Create(rng);

        a.ShouldNotBe(b);
        a.Length.ShouldBe(43);
        InvitationTokens.Hash(a).Length.ShouldBe(64);
        InvitationTokens.Hash(a).ShouldBe(InvitationTokens.Hash(a));
    }

}
