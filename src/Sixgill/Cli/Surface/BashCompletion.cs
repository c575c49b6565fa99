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
              local cmdpath='' config='' lab='' i w kind
              COMPREPLY=()
              for ((i = 1; i < COMP_CWORD; i++)); do
                w=${COMP_WORDS[i]}
                if [[ $w == -- ]]; then
                  # lab exec NODE -- CMD...: a command of its own
                  COMPREPLY=($(compgen -c -- "$cur"))
                  return
                fi
                if [[ $w == -* ]]; then
                  if [[ -n $(_sixgill_option_value "$cmdpath" "$w") ]]; then
                    ((i++))
                    case $w in
                      -c | --config) config=${COMP_WORDS[i]} ;;
                      --name) lab=${COMP_WORDS[i]} ;;
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
