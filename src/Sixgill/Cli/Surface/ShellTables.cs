using System.Text;

namespace Sixgill.Cli.Surface;

/// <summary>
/// The four lookup functions the bash and zsh scripts share (both read the same <c>case</c>
/// syntax): <c>_sixgill_subcommands PATH</c>, <c>_sixgill_options PATH</c>,
/// <c>_sixgill_option_value PATH OPTION</c> and <c>_sixgill_argument PATH</c>.
/// </summary>
internal static class ShellTables
{
    public static void Write(StringBuilder script, IReadOnlyList<SurfaceCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(commands);
        Function(script, "_sixgill_subcommands", "$1",
            commands.Where(c => c.Subcommands.Count > 0).Select(c => (CompletionData.Quote(c.Path), string.Join(' ', c.Subcommands))));
        Function(script, "_sixgill_options", "$1",
            commands.Select(c => (CompletionData.Quote(c.Path), CompletionData.OptionWords(c))));
        script.Append("# What value an option takes (nothing for a flag): file, dir, node, command, text or 'choice A B …'.\n");
        Function(script, "_sixgill_option_value", "$1|$2",
            CompletionData.OptionValues(commands).GroupBy(v => v.Kind)
                .Select(g => (string.Join('|', g.Select(v => CompletionData.Quote($"{v.Path}|{v.Option}"))), g.Key)));
        Function(script, "_sixgill_argument", "$1",
            CompletionData.ArgumentValues(commands).Select(a => (CompletionData.Quote(a.Path), a.Kind)));
    }

    private static void Function(StringBuilder script, string name, string subject, IEnumerable<(string Pattern, string Answer)> cases)
    {
        script.Append($"{name}() {{\n  case \"{subject}\" in\n");
        foreach (var (pattern, answer) in cases)
        {
            script.Append($"    {pattern}) echo {CompletionData.Quote(answer)} ;;\n");
        }

        script.Append("  esac\n}\n\n");
    }
}
