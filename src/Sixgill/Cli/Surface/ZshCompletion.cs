using System.Text;

namespace Sixgill.Cli.Surface;

/// <summary><c>sixgill completion zsh</c>: a zsh completion function (<c>_sixgill</c>), generated from the command definitions.</summary>
internal static class ZshCompletion
{
    public static string Render(IReadOnlyList<SurfaceCommand> commands)
    {
        var script = new StringBuilder();
        script.Append("""
            #compdef sixgill
            # zsh completion for sixgill, made by 'sixgill completion zsh' from its command definitions.
            # Installed as /usr/share/zsh/vendor-completions/_sixgill; or: source <(sixgill completion zsh)


            """);
        ShellTables.Write(script, commands);
        script.Append("""
            _sixgill() {
              local cur=${words[CURRENT]} prev=${words[CURRENT-1]}
              local cmdpath='' config='' lab='' i w kind
              for ((i = 2; i < CURRENT; i++)); do
                w=${words[i]}
                if [[ $w == -- ]]; then
                  # lab exec NODE -- CMD...: a command of its own
                  shift $i words
                  ((CURRENT -= i))
                  _normal
                  return
                fi
                if [[ $w == -* ]]; then
                  if [[ -n $(_sixgill_option_value "$cmdpath" "$w") ]]; then
                    ((i++))
                    case $w in
                      -c | --config) config=${words[i]} ;;
                      --name) lab=${words[i]} ;;
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
                file) _files ;;
                dir) _files -/ ;;
                node) compadd -- ${(f)"$(sixgill completion --nodes --for "$cmdpath" ${config:+--config "$config"} ${lab:+--name "$lab"} 2>/dev/null)"} ;;
                command) compadd -- ${=$(_sixgill_subcommands '')} ;;
                choice\ *) compadd -- ${=${kind#choice }} ;;
                text) _message 'a value' ;;
                *)
                  if [[ $cur == -* ]]; then
                    compadd -- ${=$(_sixgill_options "$cmdpath")}
                  else
                    compadd -- ${=$(_sixgill_subcommands "$cmdpath")}
                  fi
                  ;;
              esac
            }

            if [[ $funcstack[1] == _sixgill ]]; then
              _sixgill "$@"
            else
              compdef _sixgill sixgill
            fi

            """);
        return script.ToString();
    }
}
