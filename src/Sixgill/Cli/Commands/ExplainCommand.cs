using System.CommandLine;
using Sixgill.Addressing;
using Sixgill.Cli.Explain;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill explain</c>: every address, subnet and route each node will get (all nodes, or <c>--host</c>).</summary>
internal static class ExplainCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("explain", "the address plan of every node (or --host)");
        command.SetAction(result => Run(Invocation.From(result, options)));
        return command;
    }

    public static int Run(Invocation invocation)
    {
        var cluster = ValidatedCluster.Load(invocation, requireHost: invocation.Host is not null);
        var report = new ExplainReport(AddressPlan.For(cluster), invocation.Host);
        if (invocation.Json)
        {
            invocation.Out.Write(report.ToJson());
        }
        else
        {
            report.WriteText(invocation.Out);
        }

        return ExitCodes.Done;
    }
}
