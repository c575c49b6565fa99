using System.CommandLine;
using System.Text.Json;
using Sixgill.Config;

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

        if (invocation.Json)
        {
            var report = new ValidateReport(result.FileName, cluster is not null, cluster?.Nodes.Length, cluster?.Mode.Word(),
                errors, warnings, [.. diagnostics.Select(DiagnosticDto.From)]);
            invocation.Out.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.ValidateReport));
        }
        else
        {
            ValidatedCluster.Report(invocation, result.FileName, diagnostics, showWarnings: true);
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
