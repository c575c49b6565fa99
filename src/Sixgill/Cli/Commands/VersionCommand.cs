using System.CommandLine;
using System.Reflection;

namespace Sixgill.Cli.Commands;

internal static class VersionCommand
{
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static Command Create(GlobalOptions options)
    {
        var command = new Command("version", "print the version");
        command.SetAction(result =>
        {
            var invocation = Invocation.From(result, options);
            invocation.Out.WriteLine(invocation.Json ? $"{{\"version\":\"{Version}\"}}" : $"sixgill {Version}");
            return ExitCodes.Done;
        });
        return command;
    }
}
