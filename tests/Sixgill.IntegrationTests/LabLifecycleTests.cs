using System.Diagnostics;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>Making and removing labs: nothing reaches the machine's own namespace, nothing stays behind.</summary>
public sealed class LabLifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Create_and_dispose_leave_the_machines_own_network_namespace_unchanged()
    {
        LabRequirements.Require();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var name = TestLabs.NextName();
        var clock = Stopwatch.StartNew();

        await using (var lab = await TestLabs.CreateAsync(TestLabs.ThreeNodes(name)))
        {
            var created = clock.Elapsed;
            (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before, "while the lab is up");
            clock.Restart();
            await lab.DisposeAsync();
            TestContext.Current.TestOutputHelper?.WriteLine($"3-node lab with internet: created in {created.TotalMilliseconds:0} ms, removed in {clock.Elapsed.TotalMilliseconds:0} ms");
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before, "after the lab is gone");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Dispose_leaves_no_namespace_mount_directory_or_process_of_the_lab()
    {
        LabRequirements.Require();
        var name = TestLabs.NextName();
        int pid;
        await using (var lab = await TestLabs.CreateAsync(TestLabs.ThreeNodes(name)))
        {
            await lab.AddNamespaceAsync("pod1", Cancel);
            var sleeper = lab.Node("w1").Start(new ProcessRequest(["sleep", "600"]));
            pid = sleeper.Pid;
            LabLeftovers.IsRunning(pid).ShouldBeTrue();
            (await LabLeftovers.FindAsync(name)).ShouldNotBeEmpty();
        }

        (await LabLeftovers.FindAsync(name)).ShouldBeEmpty();
        LabLeftovers.IsRunning(pid).ShouldBeFalse();
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Sweep_removes_what_a_crashed_run_left()
    {
        LabRequirements.Require();
        var name = TestLabs.NextName();
        var runner = new ProcessRunner();
        var lab = await TestLabs.CreateAsync(TestLabs.ThreeNodes(name));
        IRunningProcess? daemon = null;
        try
        {
            // A daemon the lab does not know about, as one a crashed 'sixgill prepare' left running.
            daemon = runner.Start(new ProcessRequest(lab.Node("gw").Command(["sleep", "600"])));
            LabLeftovers.IsRunning(daemon.Pid).ShouldBeTrue();
            await InNamespaceAsync(runner, lab.Node("gw").Namespace, daemon.Pid);

            // The "crash": the lab object is dropped without DisposeAsync.
            var report = await new LabSweeper(runner).SweepAsync(name, Cancel);

            report.IsClean.ShouldBeTrue(string.Join("; ", report.Problems));
            report.DeletedNamespaces.Count.ShouldBe(5);
            report.EndedProcesses.ShouldContain(daemon.Pid);
            report.RemovedDirectory.ShouldBeTrue();
            (await LabLeftovers.FindAsync(name)).ShouldBeEmpty();
            LabLeftovers.IsRunning(daemon.Pid).ShouldBeFalse();
            (await new LabSweeper(runner).SweepAsync(name, Cancel)).FoundAnything.ShouldBeFalse("a second sweep finds nothing");
        }
        finally
        {
            if (daemon is not null)
            {
                await daemon.DisposeAsync();
            }

            await lab.DisposeAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Creating_a_lab_whose_name_is_taken_is_refused_and_the_lab_stays()
    {
        LabRequirements.Require();
        var name = TestLabs.NextName();
        await using var lab = await TestLabs.CreateAsync(new LabSpec(name, [new("n1", "eth1")]));

        var refused = await Should.ThrowAsync<LabException>(() => VirtualLab.CreateAsync(new LabSpec(name, [new("n1", "eth1")]), cancellationToken: Cancel));

        refused.Message.ShouldContain("already exists");
        (await lab.Node("n1").RunAsync(["hostname"], Cancel)).StandardOutput.Trim().ShouldBe("n1");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_lab_that_fails_half_way_removes_what_it_made()
    {
        LabRequirements.Require();
        var name = TestLabs.NextName();
        var runner = new FailingRunner(command => command is ["unshare", .., "sh", "-c", var inside] && inside.Contains("'hostname' 'w2'", StringComparison.Ordinal));

        var failure = await Should.ThrowAsync<LabException>(() => TestLabs.CreateAsync(TestLabs.ThreeNodes(name), runner));

        failure.Message.ShouldContain("node w2: build its file system");
        (await LabLeftovers.FindAsync(name)).ShouldBeEmpty();
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_command_that_fails_inside_a_nodes_script_is_named_with_what_its_program_said_and_the_lab_removed()
    {
        LabRequirements.Require();
        var name = TestLabs.NextName();
        var runner = new RewritingRunner(command => command is ["unshare", .., "sh", "-c", var inside] && inside.Contains("'hostname' 'w2'", StringComparison.Ordinal)
            ? [.. command.Take(command.Count - 1), inside.Replace("'hostname' 'w2'", "'hostname' ''", StringComparison.Ordinal)]
            : command);

        var failure = await Should.ThrowAsync<LabException>(() => TestLabs.CreateAsync(TestLabs.ThreeNodes(name), runner));

        failure.Message.ShouldStartWith($"lab '{name}': cannot node w2: set its hostname: hostname: ");
        failure.Message.ShouldNotContain("\n");
        (await LabLeftovers.FindAsync(name)).ShouldBeEmpty();
    }

    /// <summary>The real runner, running each command as <paramref name="rewrite"/> makes it (to break one part of a script for real).</summary>
    private sealed class RewritingRunner(Func<IReadOnlyList<string>, IReadOnlyList<string>> rewrite) : IProcessRunner
    {
        private readonly ProcessRunner real = new();

        public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default) =>
            this.real.RunAsync(request with { Command = rewrite(request.Command) }, cancellationToken);

        public IRunningProcess Start(ProcessRequest request) => this.real.Start(request);
    }

    /// <summary>nsenter has joined the node's network namespace (the sweep finds processes there), within 10 s.</summary>
    private static Task InNamespaceAsync(ProcessRunner runner, string ns, int pid)
    {
        var text = pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Wait.UntilAsync(
            async () => (await runner.RunCheckedAsync(["ip", "netns", "pids", ns], Cancel)).StandardOutput
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(text),
            $"process {text} to enter namespace {ns}", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50), Cancel);
    }
}
