using System.CommandLine;
using Sixgill.Config;
using Sixgill.Json;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill validate</c>: every mistake at once, each at its line and column; changes nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("validate", "check the config file; changes nothing");
        command.SetAction(result => Run(Invocation.From(result, options)));
        return command;
    }

    public static int Run(Invocation invocation)
    {
        var result = ConfigLoader.LoadFile(invocation.ConfigPath);
        var diagnostics = ValidatedCluster.WithHostCheck(result, invocation, requireHost: false);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        var cluster = errors == 0 ? result.Cluster : null;

        ValidatedCluster.Report(invocation, result.FileName, diagnostics);
        if (invocation.Json)
        {
            var report = new ValidateReport(result.FileName, cluster is not null, cluster?.Nodes.Length, cluster?.Mode.Word(),
                errors, warnings, [.. diagnostics.Select(d => DiagnosticDto.From(d, result.FileName))]);
            invocation.Out.Write(ReadableJson.Serialize(report, CliJsonContext.Default.ValidateReport));
        }
        else
        {
            if (cluster is not null)
            {
                var warned = warnings > 0 ? $", {ValidatedCluster.Plural(warnings, "warning")}" : "";
                invocation.Out.WriteLine($"{EchoText.Show(result.FileName)}: OK ({ValidatedCluster.Plural(cluster.Nodes.Length, "node")}, mode {cluster.Mode.Word()}{warned})");
            }
            else
            {
                invocation.Error.WriteLine($"{EchoText.Show(result.FileName)}: {ValidatedCluster.Plural(errors, "error")}, {ValidatedCluster.Plural(warnings, "warning")}");
            }
        }

        return cluster is null ? ExitCodes.BadInput : ExitCodes.Done;
    }
}
