using System.Diagnostics;
using System.Text.Json;
using Sixgill.Fleet;
using Sixgill.Machine;
using Sixgill.Verify;

namespace Sixgill.Lab;

/// <summary>
/// <c>sixgill lab demo</c>: up → prepare every node (all at once) → verify from each minion → clean
/// every node (all at once) → down, each phase timed. Every node
/// runs this same <c>sixgill</c> through the lab's transport, exactly as on a machine of its own.
/// The lab is owned by this process while it runs: if it is killed, the next <c>lab up</c>,
/// <c>lab demo</c> or <c>lab down</c> of that name removes what is left.
/// </summary>
internal sealed class LabDemo
{
    private readonly LabDefinition definition;
    private readonly IReadOnlyList<string> program;
    private readonly IProcessRunner runner;
    private readonly TextWriter progress;
    private readonly IWorkProgress work;
    private readonly LabTestHooks hooks = LabTestHooks.FromEnvironment();
    private readonly List<DemoPhase> phases = [];

    /// <param name="program">How to start sixgill in the nodes (<see cref="SixgillProgram.Current"/>).</param>
    /// <param name="progress">Where progress lines go (stderr).</param>
    /// <param name="work">Where the lab's long steps show (the nodes' boot, dockerd, the images).</param>
    public LabDemo(LabDefinition definition, IReadOnlyList<string> program, IProcessRunner runner, TextWriter progress, IWorkProgress work)
    {
        this.work = work;
        this.definition = definition;
        this.program = program;
        this.runner = runner;
        this.progress = TextWriter.Synchronized(progress); // nodes of a wave finish at once
    }

    private bool Docker => this.definition.DockerGateway;

    /// <param name="keep">Leave the lab up and prepared (no clean, no down).</param>
    /// <param name="overSsh">Drive the nodes over SSH from the lab's admin node (<c>--all</c>), not through nsenter.</param>
    public async Task<DemoReport> RunAsync(bool keep, CancellationToken cancellationToken, bool overSsh = false)
    {
        var total = Stopwatch.StartNew();
        var checks = new List<DemoCheck>();
        var clock = Stopwatch.StartNew();
        Say($"up: lab '{this.definition.Name}' with {string.Join(", ", this.definition.Spec.Nodes.Select(n => n.IsGateway ? n.Name + " (gateway)" : n.Name))}"
            + (this.definition.Spec.WithInternet ? " and an IPv4-only internet" : "")
            + (Docker ? "; runtime docker: a dockerd in the gateway node" : "")
            + (this.definition.Kind == LabNodeKind.Systemd ? "; nodes boot systemd" : ""));
        var lab = await RunningLab.UpAsync(this.definition, keep ? null : LabOwner.Current(), this.runner, cancellationToken, this.progress, this.work);
        if (lab.Leftovers is { FoundAnything: true })
        {
            Say($"removed what an earlier run of lab '{this.definition.Name}' had left");
        }

        End(new DemoPhase("up", clock.Elapsed, [], []));
        try
        {
            // A systemd gateway's engine listens on its usual socket in the node: no DOCKER_HOST.
            var transport = new NamespaceTransport(lab.Lab, this.program, lab.Names.NodeConfig,
                Docker && this.definition.Kind == LabNodeKind.Namespace ? LabDocker.Environment(lab.Names) : null);
            var config = transport.ConfigPath;
            var cluster = this.definition.Cluster;
            if (this.definition.Kind == LabNodeKind.Systemd && lab.Lab.Gateway is { } gateway)
            {
                await StopDistributionDnsAsync(gateway, cancellationToken);
            }

            var expect = InternetServices.Page.Trim();
            if (overSsh)
            {
                var admin = new AdminFleet(lab.Lab.Admin ?? throw new LabException($"lab '{lab.Names.Lab}' has no admin node to drive its nodes over SSH"), this.program, lab.Names);
                await AdminPhaseAsync(admin, "prepare", ["prepare", "--all", "-c", config], cancellationToken);
                var verifying = await AdminPhaseAsync(admin, "verify",
                    ["verify", .. this.definition.VerifyingNodes.SelectMany(n => new[] { "--node", n }), "-c", config, "--expect", expect], cancellationToken);
                checks.AddRange(verifying.Nodes.SelectMany(ChecksOf));
                if (!keep)
                {
                    await AdminPhaseAsync(admin, "clean", ["clean", "--all", "-c", config], cancellationToken);
                }
            }
            else
            {
                // Every node at once: a minion's prepare and clean change only the minion (its address,
                // routes, resolver), none uses the gateway's services; only verify does.
                IReadOnlyList<IReadOnlyList<string>> together = [[.. FleetOrder.Prepare(cluster).SelectMany(wave => wave)]];
                await PhaseAsync(transport, "prepare", together, node => ["prepare", "--host", node, "-c", config], cancellationToken);
                var verify = await PhaseAsync(transport, "verify", [this.definition.VerifyingNodes],
                    node => ["verify", "--host", node, "-c", config, "--output", "json", "--expect", expect], cancellationToken);
                checks.AddRange(verify.Nodes.SelectMany(ChecksOf));
                if (!keep)
                {
                    await PhaseAsync(transport, "clean", together, node => ["clean", "--host", node, "-c", config], cancellationToken);
                }
            }
        }
        finally
        {
            if (!keep)
            {
                clock.Restart();
                Say("down");
                var down = await RunningLab.DownAsync(this.definition.Name, this.runner, CancellationToken.None);
                End(new DemoPhase("down", clock.Elapsed, [], down.Sweep.Problems));
            }
        }

        return new DemoReport(this.definition.Name, this.definition.ConfigSource, phases, checks, total.Elapsed, keep);
    }

    /// <summary>
    /// A systemd node runs the distribution's named, as a Debian machine with bind9 installed does;
    /// prepare refuses to share port 53 with it and names the fix. The demo applies that fix, as the
    /// person would, and says so.
    /// </summary>
    private async Task StopDistributionDnsAsync(LabNode gateway, CancellationToken cancellationToken)
    {
        const string unit = "named.service";
        var enabled = await gateway.RunAsync(["systemctl", "is-enabled", "--quiet", unit], cancellationToken);
        var active = await gateway.RunAsync(["systemctl", "is-active", "--quiet", unit], cancellationToken);
        if (!enabled.Succeeded && !active.Succeeded)
        {
            return;
        }

        Say($"{gateway.Name}: systemctl disable --now {unit} (the distribution's named would share port 53 with Sixgill's DNS64 server, so prepare would refuse)");
        var result = await gateway.RunAsync(["systemctl", "disable", "--now", unit], cancellationToken);
        if (!result.Succeeded)
        {
            throw new LabException($"{gateway.Name}: cannot disable {unit}: {new ProcessFailedException(result).Message}");
        }
    }

    private async Task<DemoPhase> PhaseAsync(INodeTransport transport, string name, IReadOnlyList<IReadOnlyList<string>> waves,
        Func<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Say($"{name}: {string.Join(" → ", waves.Select(w => string.Join(" ", w)))}");
        var fleet = new FleetRun(transport, run => Say($"{name} {run.Node}: {(run.Succeeded ? "ok" : $"FAILED (exit {run.ExitCode})")} in {DemoReport.Seconds(run.Elapsed)}"),
            _ => hooks.Started(name));
        var runs = await fleet.RunAsync(waves, arguments, cancellationToken);
        return End(new DemoPhase(name, clock.Elapsed, runs, []));
    }

    /// <summary>One phase as one <c>--all</c> run in the admin node; each node's line said when it is over.</summary>
    private async Task<DemoPhase> AdminPhaseAsync(AdminFleet admin, string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Say($"{name}: sixgill {string.Join(' ', Shown(arguments))} over SSH from the admin node");
        this.hooks.Started(name);
        var runs = await admin.RunAsync(arguments, cancellationToken);
        foreach (var run in runs)
        {
            Say($"{name} {run.Node}: {(run.Succeeded ? "ok" : run.NotStarted is { } why ? $"not started ({why})" : $"FAILED (exit {run.ExitCode})")} in {DemoReport.Seconds(run.Elapsed)}");
        }

        return End(new DemoPhase(name, clock.Elapsed, runs, []));
    }

    /// <summary>A command line as the progress line shows it: without the values of <c>-c</c> and <c>--expect</c> (a path, a page).</summary>
    internal static IEnumerable<string> Shown(IReadOnlyList<string> arguments) =>
        arguments.Where((argument, i) => argument is not ("-c" or "--expect") && (i == 0 || arguments[i - 1] is not ("-c" or "--expect")));

    private DemoPhase End(DemoPhase phase)
    {
        phases.Add(phase);
        Say($"{phase.Name}: {(phase.Succeeded ? "done" : "FAILED")} in {DemoReport.Seconds(phase.Elapsed)}");
        return phase;
    }

    /// <summary>The checks of one node's <c>verify --output json</c>; one failed check when there is no report to read.</summary>
    internal static IReadOnlyList<DemoCheck> ChecksOf(NodeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            if (JsonSerializer.Deserialize(run.StandardOutput, VerifyJsonContext.Default.VerifyJson) is { Checks.Count: > 0 } report)
            {
                return [.. report.Checks.Select(c => new DemoCheck(run.Node, c.Name, c.Outcome, c.Detail, c.Hop, c.Hint))];
            }
        }
        catch (JsonException)
        {
            // Not a report: verify could not run. Said below.
        }

        var said = string.Join(" ", DemoReport.Tail(run.StandardError, 3));
        return [new DemoCheck(run.Node, "verify", DemoCheck.Failed, $"sixgill verify gave no report (exit {run.ExitCode}): {said}", null, null)];
    }

    private void Say(string line) => this.progress.WriteLine($"lab demo: {line}");
}
