using System.Text;

namespace Sixgill.Cli.Surface;

/// <summary>
/// What the bash and zsh scripts share (both read the same <c>case</c> and <c>[[ ]]</c> syntax): the
/// four lookup functions <c>_sixgill_subcommands PATH</c>, <c>_sixgill_options PATH</c>,
/// <c>_sixgill_option_value PATH OPTION</c> and <c>_sixgill_argument PATH</c>, and the walk over the
/// words typed so far (<see cref="WalkWords"/>).
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

    /// <summary>
    /// The body that walks the words before the cursor: it finds the command path, the config and lab
    /// named so far, and the kind of value wanted at the cursor (<c>$kind</c>).
    /// </summary>
    /// <param name="words">The shell's array of words (<c>COMP_WORDS</c>, <c>words</c>).</param>
    /// <param name="first">The index of the first word after <c>sixgill</c>.</param>
    /// <param name="current">The variable holding the cursor's word index.</param>
    /// <param name="afterDoubleDash">What completes after <c>--</c> (a command of its own), before returning.</param>
    public static void WalkWords(StringBuilder script, string words, int first, string current, IReadOnlyList<string> afterDoubleDash)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(afterDoubleDash);
        script.Append($$"""
              local cmdpath='' config='' lab='' i w kind
              for ((i = {{first}}; i < {{current}}; i++)); do
                w=${{{words}}[i]}
                if [[ $w == -- ]]; then
                  # lab exec NODE -- CMD...: a command of its own

            """);
        foreach (var line in afterDoubleDash)
        {
            script.Append("      ").Append(line).Append('\n');
        }

        script.Append($$"""
                  return
                fi
                if [[ $w == -* ]]; then
                  if [[ -n $(_sixgill_option_value "$cmdpath" "$w") ]]; then
                    ((i++))
                    case $w in
                      -c | --config) config=${{{words}}[i]} ;;
                      --name) lab=${{{words}}[i]} ;;
                    esac
                  fi
                  continue
                fi
                if [[ " $(_sixgill_subcommands "$cmdpath") " == *" $w "* ]]; then
                  cmdpath=${cmdpath:+$cmdpath }$w
                fi
              done
              kind=''
              if [[ $prev == -* ]]; then
                kind=$(_sixgill_option_value "$cmdpath" "$prev")
              fi
              if [[ -z $kind && $cur != -* ]]; then
                kind=$(_sixgill_argument "$cmdpath")
              fi

            """);
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
