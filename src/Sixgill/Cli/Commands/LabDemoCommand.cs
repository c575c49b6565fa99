using System.CommandLine;
using Sixgill.Fleet;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab demo</c>, the project's main command: builds the lab, prepares every node with
/// this same binary, verifies from each minion that an IPv6-only node reaches an IPv4-only web
/// server by name through DNS64 and NAT64, cleans every node and removes the lab. The result
/// table (checks and phase timings) goes to stdout, progress to stderr; exit 0 only when every
/// check passed.
/// </summary>
internal static class LabDemoCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var name = LabPreconditions.NameOption();
        var runtime = LabPreconditions.RuntimeOption();
        var kind = LabPreconditions.KindOption();
        var keep = new Option<bool>("--keep") { Description = "leave the lab up and prepared (remove it later with 'sixgill lab down')" };
        var ssh = new Option<bool>("--ssh")
        {
            Description = "drive the nodes over SSH from the lab's admin node, as 'sixgill COMMAND --all' on an admin machine (slower: the program is uploaded to every node)",
        };
        var command = new Command("demo", "up, prepare every node, verify, clean every node, down; a table of checks and timings") { name, keep, ssh, runtime, kind };
        command.SetAction((result, cancellationToken) =>
        {
            var invocation = Invocation.From(result, options);
            var definition = LabPreconditions.Definition(result, options, invocation, LabPreconditions.Name(result.GetValue(name)), result.GetValue(runtime), result.GetValue(kind));
            // A kept lab may be driven over SSH afterwards; a demo that removes its lab needs the access network only with --ssh.
            return RunAsync(invocation, machine, definition with { WithAccess = result.GetValue(keep) || result.GetValue(ssh) }, result.GetValue(keep), cancellationToken, result.GetValue(ssh));
        });
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, LabDefinition definition, bool keep, CancellationToken cancellationToken, bool overSsh = false) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(definition);
        if (overSsh && definition.OverSshProblem is { } problem)
        {
            throw new PreconditionFailedException(problem);
        }

        LabPreconditions.RequireRoot(machine, "demo");
        LabPreconditions.RequirePrograms(LabPrograms.Demo(definition.Spec.WithInternet, definition.NativeGateway, definition.DockerGateway, definition.Kind == LabNodeKind.Systemd,
            definition.Spec.WithAccess), machine.IsInstalled);
        var demo = new LabDemo(definition, SixgillProgram.Current(), machine.Runner, invocation.Error, ProgressLine.For(invocation));
        var report = await demo.RunAsync(keep, cancellationToken, overSsh);
        if (invocation.Json)
        {
            invocation.Out.Write(report.ToJson());
        }
        else
        {
            report.WriteText(invocation.Out);
        }

        return report.Passed ? ExitCodes.Done : ExitCodes.ChangeFailed;
    });
}
