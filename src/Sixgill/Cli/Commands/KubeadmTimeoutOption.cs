using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Sixgill.Host.Processes;

namespace Sixgill.Cli.Commands;

/// <summary><c>--timeout DURATION</c> of <c>up</c> and <c>down</c>: how long kubeadm may run (docs/steps.md; default 10 min).</summary>
internal static class KubeadmTimeoutOption
{
    /// <summary>Unset is null: <see cref="Value"/> then gives the default (help shows it as people write it, 10m).</summary>
    public static Option<TimeSpan?> Create() => new("--timeout")
    {
        Description = "how long kubeadm may run before it is killed and the run rolled back (90s, 10m, 1h; a bare number is seconds) [default: 10m]",
        HelpName = "DURATION",
        CustomParser = Parse,
    };

    public static TimeSpan Value(ParseResult result, Option<TimeSpan?> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(option) ?? KubeadmRunner.DefaultTimeout;
    }

    /// <summary>A positive duration: a number with <c>s</c>, <c>m</c> or <c>h</c>, or a bare number of seconds.</summary>
    internal static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsAsciiLetter(unit) && text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 86_400)
        {
            return false;
        }

        duration = unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero && duration <= TimeSpan.FromDays(1);
    }

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"--timeout '{text}' is not a duration: write a positive number with s, m or h (90s, 10m, 1h), at most a day");
        return null;
    }
}
