using System.Text;

namespace Sixgill.Cli.Surface;

/// <summary><c>sixgill completion fish</c>: fish <c>complete</c> lines, generated from the command definitions.</summary>
internal static class FishCompletion
{
    public static string Render(IReadOnlyList<SurfaceCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var valued = CompletionData.OptionValues(commands).Select(v => v.Option).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var script = new StringBuilder();
        script.Append("""
            # fish completion for sixgill, made by 'sixgill completion fish' from its command definitions.
            # Installed as /usr/share/fish/vendor_completions.d/sixgill.fish; or: sixgill completion fish | source

            function __sixgill_subcommands
                switch "$argv[1]"

            """);
        foreach (var command in commands.Where(c => c.Subcommands.Count > 0))
        {
            script.Append($"        case {CompletionData.Quote(command.Path)}\n            printf '%s\\n' {string.Join(' ', command.Subcommands)}\n");
        }

        script.Append($$"""
                end
            end

            # The command path typed so far ('lab up'); '--' after 'lab exec NODE --'.
            function __sixgill_path
                set -l tokens (commandline -opc)
                set -l cmdpath
                set -l i 2
                while test $i -le (count $tokens)
                    set -l w $tokens[$i]
                    if test "$w" = '--'
                        echo -- '--'
                        return
                    else if string match -q -- '-*' $w
                        if contains -- $w {{string.Join(' ', valued)}}
                            set i (math $i + 1)
                        end
                    else if contains -- $w (__sixgill_subcommands (string join ' ' $cmdpath))
                        set -a cmdpath $w
                    end
                    set i (math $i + 1)
                end
                string join ' ' $cmdpath
            end

            function __sixgill_at
                set -l cmdpath (__sixgill_path)
                test "$cmdpath" = "$argv[1]"
            end

            function __sixgill_nodes
                set -l tokens (commandline -opc)
                set -l extra
                for i in (seq 2 (count $tokens))
                    switch $tokens[$i]
                        case -c --config --name
                            set -l next (math $i + 1)
                            if test $next -le (count $tokens)
                                set -a extra $tokens[$i] $tokens[$next]
                            end
                    end
                end
                sixgill completion --nodes --for (__sixgill_path) $extra 2>/dev/null
            end

            complete -c sixgill -f
            complete -c sixgill -n '__sixgill_at --' -a '(__fish_complete_subcommand --fcs-skip=4)'

            """);
        foreach (var command in commands)
        {
            var at = $"-n {CompletionData.Quote($"__sixgill_at {CompletionData.Quote(command.Path)}")}";
            foreach (var sub in commands.Where(c => c.Path.Length > 0 && Parent(c.Path) == command.Path))
            {
                script.Append($"complete -c sixgill {at} -a {sub.Name} -d {CompletionData.Quote(sub.Summary)}\n");
            }

            foreach (var option in command.Options)
            {
                script.Append($"complete -c sixgill {at} {Spellings(option)}{Value(option.Kind, option.Values)} -d {CompletionData.Quote(option.Description.Split('\n')[0])}\n");
            }

            if (command.Arguments.Count > 0)
            {
                var argument = command.Arguments[0];
                script.Append($"complete -c sixgill {at}{Value(argument.Kind, argument.Values)} -d {CompletionData.Quote(argument.Description)}\n");
            }
        }

        return script.ToString();
    }

    private static string Parent(string path) => path.Contains(' ', StringComparison.Ordinal) ? path[..path.LastIndexOf(' ')] : "";

    private static string Spellings(SurfaceOption option) => string.Join(' ', option.Names.Select(name => name switch
    {
        _ when name.StartsWith("--", StringComparison.Ordinal) => $"-l {name[2..]}",
        _ when name.Length == 2 => $"-s {name[1..]}",
        _ => $"-o {name[1..]}",
    }));

    private static string Value(ValueKind kind, IReadOnlyList<string> values) => kind switch
    {
        ValueKind.None => "",
        ValueKind.File => " -r -F",
        ValueKind.Directory => " -x -a '(__fish_complete_directories)'",
        ValueKind.Node => " -x -a '(__sixgill_nodes)'",
        ValueKind.Command => " -x -a '(__sixgill_subcommands \"\")'",
        ValueKind.Choice => $" -x -a {CompletionData.Quote(string.Join(' ', values))}",
        _ => " -x",
    };
}
