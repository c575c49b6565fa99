using System.CommandLine;
using Sixgill.Lab;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill lab root [--rebuild | --remove]</c>: the cached Debian root that systemd lab nodes boot
/// from. Without an option it builds the root when it is not cached and prints its directory.
/// </summary>
internal static class LabRootCommand
{
    public static Command Create(GlobalOptions options, LabAdapters machine)
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "build it again from the Debian archive (e.g. for the archive's updates)" };
        var remove = new Option<bool>("--remove") { Description = "remove every cached root (refused while a systemd lab runs)" };
        var command = new Command("root", "the Debian root that systemd lab nodes boot from: build it once (cached), --rebuild, --remove") { rebuild, remove };
        command.SetAction((result, cancellationToken) =>
        {
            var invocation = Invocation.From(result, options);
            if (result.GetValue(rebuild) && result.GetValue(remove))
            {
                throw new SixgillException(ExitCodes.BadInput, "--rebuild and --remove exclude each other", "give one of them, or neither");
            }

            return RunAsync(invocation, machine, result.GetValue(rebuild), result.GetValue(remove), cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(Invocation invocation, LabAdapters machine, bool rebuild, bool remove, CancellationToken cancellationToken) => LabPreconditions.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(invocation);
        LabPreconditions.RequireRoot(machine, "root");
        var root = new SystemdRoot(machine.Runner, invocation.Error);
        if (remove)
        {
            var removed = await root.RemoveAsync(cancellationToken);
            invocation.Out.WriteLine(removed.Count == 0 ? "no cached root: nothing to remove" : $"removed {string.Join(", ", removed)}");
            return ExitCodes.Done;
        }

        LabPreconditions.RequirePrograms(LabPrograms.Root(built: !rebuild && SystemdRoot.IsBuilt), machine.IsInstalled);
        invocation.Out.WriteLine(rebuild ? await root.RebuildAsync(cancellationToken) : await root.EnsureAsync(cancellationToken));
        return ExitCodes.Done;
    });
}
