using System.CommandLine;
using Sixgill.Cli.Surface;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill help [COMMAND…]</c>: the same as <c>sixgill COMMAND… --help</c>; <c>--man</c> prints
/// the manual page in roff (what the package installs as sixgill(1)).
/// </summary>
internal static class HelpCommand
{
    public static Command Create(GlobalOptions options, Func<Command> root)
    {
        var words = new Argument<string[]>("COMMAND") { Description = "the command, e.g. 'lab up'", Arity = ArgumentArity.ZeroOrMore, HelpName = "COMMAND" };
        var man = new Option<bool>("--man") { Description = "print the manual page sixgill(1), in roff" };
        var command = new Command("help", "show a command's options and examples") { words, man };
        command.SetAction(result =>
        {
            var invocation = Invocation.From(result, options);
            var tree = root();
            if (result.GetValue(man))
            {
                invocation.Out.Write(ManPage.Render(CommandSurface.Read(tree), VersionCommand.Version, BuildDate()));
                return ExitCodes.Done;
            }

            var asked = result.GetValue(words) ?? [];
            var (found, deepest, unknown) = CommandPath.Find(tree, asked);
            if (found is null)
            {
                var known = deepest.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                var near = Config.Suggestions.Nearest(unknown!, known);
                var where = CommandPath.Of(deepest);
                throw new SixgillException(ExitCodes.BadInput, $"'{string.Join(' ', asked)}' is not a command of sixgill",
                    near is not null ? $"did you mean 'sixgill help {(where.Length == 0 ? "" : where + " ")}{near}'?" : $"the commands{(where.Length == 0 ? "" : " of " + where)} are: {string.Join(", ", known)}");
            }

            return tree.Parse([.. asked, "--help"]).Invoke(new InvocationConfiguration { Output = invocation.Out, Error = invocation.Error });
        });
        return command;
    }

    private static DateOnly BuildDate() =>
        DateOnly.TryParse(VersionCommand.Report.BuildDate, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : DateOnly.FromDateTime(DateTime.UtcNow);
}
