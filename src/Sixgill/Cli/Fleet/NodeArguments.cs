using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sixgill.Cli.Fleet;

/// <summary>
/// The command line each node's sixgill gets: the one typed here, without the options that only
/// mean something here (<c>--all</c>, <c>--node</c>, SSH settings, <c>-c</c>, <c>--host</c>,
/// <c>--output</c>), then the config where it was put on the node, the node's name, and JSON output
/// (so this machine can read what each node did).
/// </summary>
internal static class NodeArguments
{
    public static Func<string, IReadOnlyList<string>> From(ParseResult result, GlobalOptions global, FleetOptions fleet, string nodeConfig)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(fleet);
        var withValues = Names([global.Config, global.Host, global.Output, .. fleet.WithValues]);
        var flags = Names(fleet.Flags);
        var kept = new List<string>();
        var skipValue = false;
        foreach (var token in result.Tokens)
        {
            if (skipValue && token.Type == TokenType.Argument)
            {
                skipValue = false;
                continue;
            }

            skipValue = false;
            if (token.Type == TokenType.Option && withValues.Contains(token.Value))
            {
                skipValue = true;
                continue;
            }

            if (token.Type == TokenType.Option && flags.Contains(token.Value))
            {
                continue;
            }

            kept.Add(token.Value);
        }

        return node => [.. kept, "-c", nodeConfig, "--host", node, "--output", "json"];
    }

    private static HashSet<string> Names(IEnumerable<Option> options) =>
        [.. options.SelectMany(o => o.Aliases.Append(o.Name))];
}
