using System.Text;
using Sixgill.Engine;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Engine;

public sealed class ExecutorTests
{
    private static readonly string[] RouteIds = ["route:fd00:10::/64", "route:fd00:10:64:ff9b::/96"];

    [Fact]
    public void Run_applies_every_missing_step_and_journals_each_as_applied()
    {
        var node = new FakeNode();

        var report = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        report.Succeeded.ShouldBeTrue(report.Failure?.Message);
        report.AppliedCount.ShouldBe(FakeNode.PrepareSteps.Length);
        var journal = node.Journal.Load()!;
        journal.Entries.Select(e => e.StepId).ShouldBe(FakeNode.PrepareSteps.Select(s => s.Id));
        journal.Entries.ShouldAllBe(e => e.State == JournalEntryState.Applied && e.Command == "prepare");
        node.Network.Addresses("eth0").ShouldContain(InterfaceAddress.Parse("fd00:20::2/64"));
        node.Sysctl.Read(SysctlKey.Parse("net.ipv6.conf.all.forwarding")).ShouldBe("1");
    }

    [Fact]
    public void Run_applies_only_the_steps_that_are_not_already_so()
    {
        var node = new FakeNode();
        node.Sysctl.With("net.ipv6.conf.all.forwarding", "1");
        node.Network.WithRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0"));

        var report = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        report.Steps.Where(s => !s.Applied).Select(s => s.StepId).ShouldBe(["sysctl:net.ipv6.conf.all.forwarding", "route:fd00:10::/64"]);
        node.Sysctl.Log.ShouldBeEmpty();
        node.Network.Log.ShouldNotContain(l => l.StartsWith("route replace fd00:10::/64", StringComparison.Ordinal));
        node.Journal.Load()!.Entries.Select(e => e.StepId).ShouldNotContain("sysctl:net.ipv6.conf.all.forwarding");
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        var node = new FakeNode();
        node.Executor().Run("prepare", FakeNode.PrepareSteps);
        var after = node.Snapshot();

        var again = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        again.AppliedCount.ShouldBe(0);
        node.Snapshot().ShouldBe(after);
        node.Journal.Load()!.Entries.Length.ShouldBe(FakeNode.PrepareSteps.Length);
    }

    [Fact]
    public void Each_step_is_journalled_as_intent_before_its_change_and_as_applied_with_the_next_steps_intent()
    {
        var node = new FakeNode();
        var order = new List<string>();
        node.Journal.OnSave = document => order.Add("journal " + string.Join(",", document.Entries.Select(e => $"{e.StepId}={e.State}")));
        node.Sysctl.Log.Clear();
        var steps = new Step[]
        {
            new EnsureSysctl(SysctlKey.Parse("net.ipv6.conf.all.forwarding"), "1"),
            new EnsureRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0")),
        };
        var executor = new Executor(node.Context, node.Journal, node.Lock, observe: e =>
        {
            if (e.Kind == ExecutionEventKind.Applying)
            {
                order.Add("start " + e.Description);
            }
        });
        node.Network.FailWhen = what =>
        {
            order.Add("host " + what);
            return false;
        };

        executor.Run("prepare", steps).Succeeded.ShouldBeTrue();

        // The sysctl fake has no hook; its change sits between its intent and the next save, which marks it applied.
        order.ShouldBe(
        [
            "start sysctl net.ipv6.conf.all.forwarding = 1",
            "journal sysctl:net.ipv6.conf.all.forwarding=Applying",
            "start route fd00:10::/64 via fd00:20::3 dev eth0",
            "journal sysctl:net.ipv6.conf.all.forwarding=Applied,route:fd00:10::/64=Applying",
            "host route replace fd00:10::/64 via fd00:20::3 dev eth0",
            "journal sysctl:net.ipv6.conf.all.forwarding=Applied,route:fd00:10::/64=Applied",
        ]);
        node.Sysctl.Log.ShouldBe(["net.ipv6.conf.all.forwarding=1"]);
    }

    [Fact]
    public void A_failing_step_rolls_back_this_runs_steps_newest_first_and_restores_the_node()
    {
        var node = new FakeNode();
        var before = node.Snapshot();
        node.Network.FailWhen = what => what.StartsWith("route replace fd00:10:64:ff9b::/96", StringComparison.Ordinal);

        var report = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        report.Succeeded.ShouldBeFalse();
        report.Failure!.StepId.ShouldBe("route:fd00:10:64:ff9b::/96");
        report.Failure.Message.ShouldContain("simulated failure");
        report.RolledBack.Select(r => r.StepId).ShouldBe(
        [
            "route:fd00:10:64:ff9b::/96", // its own intent: never applied, nothing to do
            "route:fd00:10::/64",
            "nameserver:/etc/resolv.conf",
            "hosts:/etc/hosts",
            "file:/etc/sysctl.d/60-sixgill.conf",
            "sysctl:net.ipv6.conf.all.forwarding",
            "address:eth0:fd00:20::2/64",
        ]);
        report.RolledBack[0].Outcome!.Status.ShouldBe(UndoStatus.NothingToDo);
        report.RolledBack.Skip(1).ShouldAllBe(r => r.Outcome!.Status == UndoStatus.Reverted);
        node.Snapshot().ShouldBe(before);
        node.Journal.Load()!.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void A_step_that_reports_success_but_changes_nothing_fails_the_run()
    {
        var node = new FakeNode();
        node.Network.IgnoreChanges = true;

        var report = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        report.Failure!.StepId.ShouldBe("address:eth0:fd00:20::2/64");
        report.Failure.Error.ShouldBeOfType<StepNotTakenException>();
    }

    [Fact]
    public void A_rollback_that_fails_keeps_its_entry_for_clean_and_the_others_still_run()
    {
        var node = new FakeNode();
        node.Network.FailWhen = what => what.StartsWith("route replace fd00:10:64:ff9b::/96", StringComparison.Ordinal) || what.StartsWith("route del fd00:10::/64", StringComparison.Ordinal);

        var report = node.Executor().Run("prepare", FakeNode.PrepareSteps);

        report.RolledBack.Single(r => r.Failed).StepId.ShouldBe("route:fd00:10::/64");
        report.RolledBack.Count(r => !r.Failed).ShouldBe(6);
        node.Journal.Load()!.Entries.Select(e => e.StepId).ShouldBe(["route:fd00:10::/64"]);

        node.Network.FailWhen = _ => false;
        var clean = node.Executor().Undo("prepare", FakeNode.PrepareSteps);
        clean.Succeeded.ShouldBeTrue();
        node.Network.RoutesTo(Prefix.Parse("fd00:10::/64")).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_interface_stops_the_run_before_anything_changes()
    {
        var node = new FakeNode();
        var before = node.Snapshot();
        Step[] steps = [new EnsureSysctl(SysctlKey.Parse("net.ipv6.conf.all.forwarding"), "1"), new EnsureAddress("enp10s0", InterfaceAddress.Parse("fd00:20::2/64"))];

        var error = Should.Throw<PreconditionFailedException>(() => node.Executor().Run("prepare", steps));

        error.Message.ShouldContain("enp10s0");
        node.Snapshot().ShouldBe(before);
        node.Journal.Saves.ShouldBeEmpty();
    }

    [Fact]
    public void A_second_run_while_the_lock_is_held_fails_naming_the_holder_and_touches_nothing()
    {
        var node = new FakeNode();
        node.Lock.HeldBy = 4242;
        var before = node.Snapshot();

        var error = Should.Throw<LockHeldException>(() => node.Executor().Run("prepare", FakeNode.PrepareSteps));

        error.HolderPid.ShouldBe(4242);
        error.Message.ShouldContain("pid 4242");
        Should.Throw<LockHeldException>(() => node.Executor().Undo("prepare", FakeNode.PrepareSteps));
        node.Snapshot().ShouldBe(before);
        node.Journal.Saves.ShouldBeEmpty();
    }

    [Fact]
    public void The_lock_is_released_after_a_run_even_when_it_failed()
    {
        var node = new FakeNode();
        node.Network.FailWhen = what => what.StartsWith("route", StringComparison.Ordinal);

        node.Executor().Run("prepare", FakeNode.PrepareSteps);

        node.Lock.HeldBy.ShouldBeNull();
    }

    [Fact]
    public void Clean_undoes_every_journal_entry_newest_first_and_restores_the_node_exactly()
    {
        var node = new FakeNode();
        var before = node.Snapshot();
        node.Executor().Run("prepare", FakeNode.PrepareSteps);
        node.Snapshot().ShouldNotBe(before);

        var clean = node.Executor().Undo("prepare", FakeNode.PrepareSteps);

        clean.FromJournal.ShouldBeTrue();
        clean.Succeeded.ShouldBeTrue();
        clean.Results.Select(r => r.StepId).ShouldBe(FakeNode.PrepareSteps.Reverse().Select(s => s.Id));
        node.Snapshot().ShouldBe(before);
        node.Files.Text("/etc/hosts").ShouldBe(FakeNode.HostsBefore);
        node.Files.Paths.ShouldNotContain(p => p.StartsWith(FakeNode.StateDirectory + "/backups/", StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_twice_finds_nothing_to_do_the_second_time_and_never_guesses_from_probes()
    {
        var node = new FakeNode();
        node.Sysctl.With("net.ipv6.conf.all.forwarding", "1"); // the person's own setting, already so before prepare
        node.Executor().Run("prepare", FakeNode.PrepareSteps);
        node.Executor().Undo("prepare", FakeNode.PrepareSteps);

        var second = node.Executor().Undo("prepare", FakeNode.PrepareSteps);

        second.FromJournal.ShouldBeTrue();
        second.Results.ShouldBeEmpty();
        node.Sysctl.Read(SysctlKey.Parse("net.ipv6.conf.all.forwarding")).ShouldBe("1");
    }

    [Fact]
    public void Clean_without_a_journal_undoes_what_the_probes_find_and_says_so()
    {
        var node = new FakeNode();
        var before = node.Snapshot();
        node.Executor().Run("prepare", FakeNode.PrepareSteps);
        node.Files.Delete(FakeNode.StateDirectory + "/journal.json");

        var clean = node.Executor().Undo("prepare", FakeNode.PrepareSteps);

        clean.FromJournal.ShouldBeFalse();
        clean.Succeeded.ShouldBeTrue();
        node.Network.Addresses("eth0").ShouldNotContain(InterfaceAddress.Parse("fd00:20::2/64"));
        node.Network.RoutesTo(Prefix.Parse("fd00:10::/64")).ShouldBeEmpty();
        node.Files.Text("/etc/hosts").ShouldBe(FakeNode.HostsBefore);
        node.Files.Text("/etc/resolv.conf").ShouldBe(FakeNode.ResolvBefore);
        node.Files.Text("/etc/sixgill/kubeadm.yaml").ShouldBeNull();
        // What cannot be known without a journal is left as it is, and the report says so.
        var sysctl = clean.Results.Single(r => r.StepId == "sysctl:net.ipv6.conf.all.forwarding");
        sysctl.Outcome!.Status.ShouldBe(UndoStatus.LeftAlone);
        sysctl.Outcome.Detail!.ShouldContain("no journal");
        node.Snapshot().ShouldNotBe(before);
    }

    [Fact]
    public void Clean_undoes_only_the_entries_of_its_own_command()
    {
        var node = new FakeNode();
        node.Executor().Run("prepare", FakeNode.PrepareSteps.Take(2).ToList());
        var podRoute = new EnsureRoute(new KernelRoute(Prefix.Parse("fd00:40:0:0:3::/80"), Ip.Parse("fd00:20::3"), "eth0"));
        node.Executor().Run("up", [podRoute]);

        var down = node.Executor().Undo("up", [podRoute]);

        down.Results.Select(r => r.StepId).ShouldBe(["route:fd00:40:0:0:3::/80"]);
        node.Journal.Load()!.Entries.Select(e => e.Command).ShouldBe(["prepare", "prepare"]);
    }

    [Fact]
    public void The_journal_never_holds_the_token()
    {
        var node = new FakeNode();
        node.Files.WithFile("/etc/sixgill/kubeadm.yaml", "token: abcdef.fedcba9876543210\n"); // a replaced file with an older token

        node.Executor().Run("prepare", FakeNode.PrepareSteps).Succeeded.ShouldBeTrue();

        var journal = node.Files.Text(FakeNode.StateDirectory + "/journal.json")!;
        journal.ShouldNotContain("0123456789abcdef");
        journal.ShouldNotContain("fedcba9876543210");
        journal.ShouldContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"bootstrapTokens:\n- token: {FakeNode.Token}\n"))));
        // The old file is kept in a private backup, not in the journal.
        var backup = node.Files.Paths.Single(p => p.StartsWith(FakeNode.StateDirectory + "/backups/etc_sixgill_kubeadm.yaml.", StringComparison.Ordinal));
        node.Files.ModeOf(backup).ShouldBe(FakeNode.Mode("600"));
        node.Events.ShouldNotContain(e => (e.Description + e.Detail).Contains("0123456789abcdef", StringComparison.Ordinal));
        FakeNode.PrepareSteps.ShouldNotContain(s => s.ToString().Contains("0123456789abcdef", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_shows_what_would_change_without_changing_anything()
    {
        var node = new FakeNode();
        node.Sysctl.With("net.ipv6.conf.all.forwarding", "1");
        var before = node.Snapshot();
        Step[] steps = [.. FakeNode.PrepareSteps, new EnsureAddress("enp10s0", InterfaceAddress.Parse("fd00:20::2/64"))];

        var plan = node.Executor().Plan(steps);

        plan.Lines.Select(l => l.Symbol).ShouldBe(['+', '=', '~', '~', '+', '+', '~', '+', '?']);
        plan.Lines[3].Detail.ShouldBe("add 2 lines, disable 1");
        plan.Lines[6].Detail.ShouldBe("now fd00:10:64:ff9b::/96 via fd00:20::99 dev eth0");
        plan.Lines[8].Detail!.ShouldContain("enp10s0 does not exist");
        plan.HasChanges.ShouldBeTrue();
        node.Snapshot().ShouldBe(before);
        node.Journal.Saves.ShouldBeEmpty();
        node.Lock.HeldBy.ShouldBeNull();
    }

    [Fact]
    public void Plan_of_clean_lists_the_journal_newest_first()
    {
        var node = new FakeNode();
        node.Executor().Run("prepare", FakeNode.PrepareSteps);

        var plan = node.Executor().PlanUndo("prepare", FakeNode.PrepareSteps);

        plan.FromJournal.ShouldBeTrue();
        plan.Lines.ShouldAllBe(l => l.Symbol == '-');
        plan.Lines.Select(l => l.StepId).ShouldBe(FakeNode.PrepareSteps.Reverse().Select(s => s.Id));
        plan.Lines.Select(l => l.StepId).Where(id => id.StartsWith("route:", StringComparison.Ordinal)).ShouldBe(RouteIds.Reverse());
    }

    [Fact]
    public void Plan_of_clean_without_a_journal_says_it_comes_from_the_probes()
    {
        var node = new FakeNode();
        node.Executor().Run("prepare", FakeNode.PrepareSteps);
        node.Files.Delete(FakeNode.StateDirectory + "/journal.json");

        var plan = node.Executor().PlanUndo("prepare", FakeNode.PrepareSteps);

        plan.FromJournal.ShouldBeFalse();
        plan.Lines.ShouldAllBe(l => l.Detail == "no journal: found on the node");
        plan.Lines.Length.ShouldBe(FakeNode.PrepareSteps.Length);
    }
}
