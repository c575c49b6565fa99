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

            """);
        ShellTables.WalkWords(script, words: "words", first: 2, current: "CURRENT", afterDoubleDash: ["shift $i words", "((CURRENT -= i))", "_normal"]);
        script.Append("""
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
