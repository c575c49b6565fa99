using System.Text;

namespace Sixgill.Cli.Surface;

/// <summary><c>sixgill completion bash</c>: a bash completion script, generated from the command definitions.</summary>
internal static class BashCompletion
{
    public static string Render(IReadOnlyList<SurfaceCommand> commands)
    {
        var script = new StringBuilder();
        script.Append("""
            # bash completion for sixgill, made by 'sixgill completion bash' from its command definitions.
            # Installed as /usr/share/bash-completion/completions/sixgill; or: source <(sixgill completion bash)


            """);
        ShellTables.Write(script, commands);
        script.Append("""
            _sixgill() {
              local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
              COMPREPLY=()

            """);
        ShellTables.WalkWords(script, words: "COMP_WORDS", first: 1, current: "COMP_CWORD", afterDoubleDash: ["COMPREPLY=($(compgen -c -- \"$cur\"))"]);
        script.Append("""
              case $kind in
                file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
                dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
                node) COMPREPLY=($(compgen -W "$(sixgill completion --nodes --for "$cmdpath" ${config:+--config "$config"} ${lab:+--name "$lab"} 2>/dev/null)" -- "$cur")) ;;
                command) COMPREPLY=($(compgen -W "$(_sixgill_subcommands '')" -- "$cur")) ;;
                choice\ *) COMPREPLY=($(compgen -W "${kind#choice }" -- "$cur")) ;;
                text) ;;
                *)
                  if [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W "$(_sixgill_options "$cmdpath")" -- "$cur"))
                  else
                    COMPREPLY=($(compgen -W "$(_sixgill_subcommands "$cmdpath")" -- "$cur"))
                  fi
                  ;;
              esac
            }

            complete -F _sixgill sixgill

            """);
        return script.ToString();
    }
}
