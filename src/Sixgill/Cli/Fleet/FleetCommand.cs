using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sixgill.Config;
using Sixgill.Fleet;
using Sixgill.Ssh;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// <c>sixgill COMMAND --all</c> (or <c>--node NAME</c>): the command on the nodes, from this machine,
/// over SSH. Every node is opened first (a name that does not resolve or answer stops the run
/// before any node changes, exit 3); then the waves run, each node's own sixgill doing the work;
/// then the summary. Ctrl-C is passed on to every running node as SIGINT, and the run waits for them
/// to roll back. The exit code is the worst node's.
/// </summary>
internal sealed class FleetCommand
{
    private readonly ParseResult result;
    private readonly GlobalOptions global;
    private readonly FleetOptions fleet;
    private readonly Invocation invocation;

    public FleetCommand(ParseResult result, GlobalOptions global, FleetOptions fleet)
    {
        this.result = result;
        this.global = global;
        this.fleet = fleet;
        invocation = Invocation.From(result, global);
    }

    /// <param name="command">The command as the nodes run it (<c>prepare</c>, <c>plan</c>…), for messages.</param>
    /// <param name="waves">The command's order over the cluster's nodes.</param>
    public async Task<int> RunAsync(string command, Func<Cluster, FleetWaves> waves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var clock = Stopwatch.StartNew();
        var cluster = ValidatedCluster.Load(this.invocation);
        var order = waves(cluster).Only(Selected(cluster));
        var targets = order.Nodes.Select(n => (n, cluster.Nodes.Single(s => s.Name == n).Ssh)).ToList();
        var settings = Settings();
        var delivery = Delivery.Of(Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell where this sixgill program is"), this.invocation.ConfigPath);
        var display = new FleetDisplay(this.invocation.Error, !this.invocation.Json && ProgressLine.IsTerminal(this.invocation.Error), order.Nodes);
        display.Note($"{command} --all: {string.Join(" → ", order.Waves.Select(w => string.Join(" ", w)))}");

        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Interrupt(c, interrupt, display));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Interrupt(c, interrupt, display));
        var parallel = this.result.GetValue(this.fleet.Parallel);
        await using var transport = await SshTransport.ConnectAsync(targets, settings, parallel,
            (node, what) => display.Say(node, what, milestone: !what.StartsWith("sixgill", StringComparison.Ordinal) && !what.StartsWith("  ", StringComparison.Ordinal)),
            interrupt.Token);
        if (transport.Unreachable.Count > 0)
        {
            foreach (var node in transport.Unreachable)
            {
                this.invocation.Error.WriteLine($"sixgill: {node.Failure!.Message}");
            }

            throw new SixgillException(ExitCodes.Precondition,
                $"{ChangeWordsCount(transport.Unreachable.Count)} cannot be reached ({string.Join(", ", transport.Unreachable.Select(u => u.Node))}); no node was changed",
                transport.Unreachable[0].Failure!.Fix);
        }

        await transport.DeliverAsync(delivery, parallel, interrupt.Token);
        var arguments = NodeArguments.From(this.result, this.global, this.fleet, transport.ConfigPath);
        var runs = await new FleetRun(transport, run => display.Say(run.Node, Ended(run)))
            .RunAsync(order, arguments, parallel, interrupt.Token);
        var connections = transport.Connections.ToDictionary(c => c.Node, StringComparer.Ordinal);
        var outcomes = runs.Select(r => NodeOutcome.Of(r, connections.GetValueOrDefault(r.Node))).ToList();
        var notes = new List<string>();
        if (command == "init" && outcomes.FirstOrDefault() is { Succeeded: true } master && transport.Node(master.Node) is { } masterNode)
        {
            notes.Add(await BringBackConfigAsync(masterNode, interrupt.Token));
        }

        if (command == "kubeconfig")
        {
            if (outcomes.FirstOrDefault() is { Succeeded: true, Report: { } kubeconfig })
            {
                notes.Add(AdminKubeconfig.MergeInto(Home(), kubeconfig));
            }

            outcomes = [.. outcomes.Select(o => o with { Report = null })]; // the admin credentials are never printed
        }

        if (command == "clean" && !interrupt.IsCancellationRequested)
        {
            notes.Add($"left on each node: the program in {Delivery.BinaryDirectory} and the config {Delivery.Config} that --all put there "
                + $"(remove them with 'sudo rm -rf {Delivery.BinaryDirectory} {Delivery.Config}' on the node once it is done with sixgill)");
        }

        var exit = interrupt.IsCancellationRequested ? ExitCodes.Interrupted : Worst(outcomes.Where(o => o.NotStarted is null).Select(o => o.ExitCode));
        FleetSummary.Write(this.invocation, command, outcomes, notes, exit, clock.Elapsed);
        return exit;
    }

    /// <summary>
    /// The worst of the exit codes of the nodes that ran: interrupted, then failed, precondition, bad
    /// input, changes pending, done. Nodes not started are left out: the failure that stopped them is counted.
    /// </summary>
    internal static int Worst(IEnumerable<int> codes)
    {
        int[] rank = [ExitCodes.Done, ExitCodes.ChangesPending, ExitCodes.BadInput, ExitCodes.Precondition, ExitCodes.ChangeFailed, ExitCodes.Interrupted];
        var worst = ExitCodes.Done;
        foreach (var code in codes)
        {
            var known = Array.IndexOf(rank, code) >= 0 ? code : ExitCodes.ChangeFailed;
            if (Array.IndexOf(rank, known) > Array.IndexOf(rank, worst))
            {
                worst = known;
            }
        }

        return worst;
    }

    private static string Ended(NodeRun run) =>
        run.NotStarted is { } why ? $"not started: {why}"
        : $"{(run.ExitCode switch { 0 => "ok", 10 => "changes pending", 130 => "interrupted", _ => $"FAILED (exit {run.ExitCode.ToString(CultureInfo.InvariantCulture)})" })} in {run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static string ChangeWordsCount(int count) => count == 1 ? "1 node" : $"{count.ToString(CultureInfo.InvariantCulture)} nodes";

    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupt, FleetDisplay display)
    {
        if (interrupt.IsCancellationRequested)
        {
            return; // a second Ctrl-C ends this program as usual
        }

        context.Cancel = true;
        display.Note("interrupted: every running node is told (SIGINT) and rolls back; waiting for them");
        interrupt.Cancel();
    }

    private string[] Selected(Cluster cluster)
    {
        var named = this.result.GetValue(this.fleet.Nodes) ?? [];
        if (this.result.GetValue(this.fleet.All) || named.Length == 0)
        {
            return [.. cluster.Nodes.Select(n => n.Name)];
        }

        var unknown = named.Where(n => cluster.Nodes.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new SixgillException(ExitCodes.BadInput, $"--node {string.Join(", ", unknown)}: not in the topology of {this.invocation.ConfigPath}",
                $"the nodes are: {string.Join(", ", cluster.Nodes.Select(n => n.Name))}");
        }

        return named;
    }

    private SshSettings Settings()
    {
        var home = Home();
        var explicitKey = this.result.GetValue(this.fleet.SshKey);
        var connect = this.result.GetValue(this.fleet.ConnectTimeout);
        var keepAlive = this.result.GetValue(this.fleet.KeepAlive);
        if (connect is <= 0 or > 600 || keepAlive is < 0 or > 3600)
        {
            throw new SixgillException(ExitCodes.BadInput, "--connect-timeout must be 0 to 600 seconds and --keepalive 0 to 3600", "for example --connect-timeout 10 --keepalive 15");
        }

        var parallel = this.result.GetValue(this.fleet.Parallel);
        if (parallel is < 1 or > 1024)
        {
            throw new SixgillException(ExitCodes.BadInput, $"--parallel {parallel} is not between 1 and 1024", "for example --parallel 16");
        }

        var kexText = this.result.GetValue(this.fleet.SshKex);
        var kex = kexText is null ? [] : KeyExchanges.Parse(kexText)
            ?? throw new SixgillException(ExitCodes.BadInput, $"--ssh-kex {kexText}: not a comma-separated list of key exchange methods Sixgill can use",
                $"choose from: {string.Join(", ", KeyExchanges.Supported())}");
        var keys = new List<SshKey>();
        try
        {
            if (explicitKey is not null)
            {
                keys.Add(SshKey.Load(explicitKey, Passphrase.Ask));
            }
            else
            {
                var skipped = new List<SshKeyException>();
                foreach (var file in SshKey.DefaultFiles(home).Where(File.Exists))
                {
                    try
                    {
                        keys.Add(SshKey.Load(file, Passphrase.Ask));
                    }
                    catch (SshKeyException e)
                    {
                        skipped.Add(e);
                    }
                }

                if (keys.Count == 0)
                {
                    throw skipped.FirstOrDefault() ?? new SshKeyException(
                        $"no SSH key: none of {string.Join(", ", SshKey.DefaultFiles(home))} exists",
                        "give one with --ssh-key FILE, or make one with 'ssh-keygen -t ed25519' and put its .pub in each node's authorized_keys");
                }
            }
        }
        catch (SshKeyException e)
        {
            throw new SixgillException(ExitCodes.Precondition, e.Message + "; no node was contacted", e.Fix);
        }

        return new SshSettings(keys, KnownHostsFile.OfHome(home), this.result.GetValue(this.fleet.AcceptNewHostKeys),
            TimeSpan.FromSeconds(connect), TimeSpan.FromSeconds(keepAlive), kex);
    }

    private static string Home() =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>After <c>init</c> on the master: its config (now with the token and CA hash) replaces this one, so the next <c>--all</c> takes it to every node.</summary>
    private async Task<string> BringBackConfigAsync(SshNode master, CancellationToken cancellationToken)
    {
        var text = await master.ReadAsync(Delivery.Config, cancellationToken);
        var path = Path.GetFullPath(this.invocation.ConfigPath);
        if (await File.ReadAllTextAsync(path, cancellationToken) == text)
        {
            return $"{path} is already the master's config";
        }

        var backup = path + ".before-init";
        File.Copy(path, backup, overwrite: true);
        var temporary = path + ".new";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(path) & ~(UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.GroupWrite));
        }

        File.Move(temporary, path, overwrite: true);
        return $"{path} now holds the token and CA hash init wrote on {master.Name} (before: {backup}); the next --all takes it to every node";
    }
}
