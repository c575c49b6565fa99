using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Sixgill.Cli.Surface;

/// <summary>
/// The help of every command: System.CommandLine's sections, then its examples
/// (<see cref="CommandExamples"/>) and, for <c>sixgill</c> itself, where to read more.
/// </summary>
internal static class HelpLayout
{
    public static void Install(Command root, int width)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new WithExamples(new HelpAction { MaxWidth = width });
        }
    }

    public static void WriteExamples(string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var examples = CommandExamples.For(path);
        if (examples.Count > 0)
        {
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }

        if (path.Length == 0)
        {
            output.WriteLine("'sixgill help COMMAND' shows a command's options and examples; 'man sixgill' all of them.");
            output.WriteLine("Exit codes: 0 done, 1 a change or check failed, 2 wrong config or command line, 3 a precondition missing.");
            output.WriteLine();
        }
    }

    private sealed class WithExamples(HelpAction help) : SynchronousCommandLineAction
    {
        /// <summary>Help is shown even when the rest of the line does not parse (<c>lab exec --help</c> without its NODE).</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            var code = help.Invoke(parseResult);
            WriteExamples(CommandPath.Of(parseResult.CommandResult.Command), parseResult.InvocationConfiguration.Output);
            return code;
        }
    }
}
