using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Cli.Change;

/// <summary>
/// The last line of defence of secret masking (docs/safety.md) for change commands: every text they print (plans, reports,
/// errors from programs) passes through here, and the cluster's bootstrap token never comes out
/// whole — <c>abcdef.****************</c> — nor its secret half alone.
/// </summary>
internal sealed class OutputMask
{
    private readonly (string Secret, string Masked)[] replacements;

    public OutputMask(Cluster? cluster)
    {
        var tokens = new[] { cluster?.Token, cluster?.EffectiveToken }
            .OfType<string>()
            .Where(t => t.Length > 0 && t != Cluster.PlaceholderToken)
            .Distinct(StringComparer.Ordinal);
        var list = new List<(string, string)>();
        foreach (var token in tokens)
        {
            list.Add((token, Secrets.Mask(token)));
            var dot = token.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0 && token.Length - dot - 1 >= 8)
            {
                list.Add((token[(dot + 1)..], new string('*', 16)));
            }
        }

        replacements = [.. list];
    }

    public static OutputMask None { get; } = new(null);

    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (secret, masked) in replacements)
        {
            text = text.Replace(secret, masked, StringComparison.Ordinal);
        }

        return text;
    }
}
