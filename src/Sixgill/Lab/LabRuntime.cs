using System.Text.RegularExpressions;
using Sixgill.Config;

namespace Sixgill.Lab;

/// <summary>
/// <c>lab up/demo --runtime</c>: the config text with <c>general.runtime</c> set, so the nodes read
/// the same runtime the lab was made for. Pure.
/// </summary>
internal static partial class LabRuntime
{
    public static string Name(ServiceRuntime runtime) => runtime == ServiceRuntime.Docker ? "docker" : "native";

    /// <summary>Replaces the <c>runtime:</c> line of the <c>general:</c> section, or adds one right below <c>general:</c>.</summary>
    public static string WithRuntime(string configText, ServiceRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(configText);
        var general = GeneralSection().Match(configText);
        if (!general.Success)
        {
            return $"general:\n  runtime: {Name(runtime)}\n" + configText;
        }

        var body = general.Groups["body"];
        var line = RuntimeLine().Match(body.Value);
        var newBody = line.Success
            ? body.Value[..line.Groups["value"].Index] + Name(runtime) + body.Value[(line.Groups["value"].Index + line.Groups["value"].Length)..]
            : $"  runtime: {Name(runtime)}\n" + body.Value;
        return configText[..body.Index] + newBody + configText[(body.Index + body.Length)..];
    }

    [GeneratedRegex(@"^general:[ \t]*(#[^\n]*)?\n(?<body>(?:[ \t]+[^\n]*\n|[ \t]*\n)*)", RegexOptions.Multiline)]
    private static partial Regex GeneralSection();

    [GeneratedRegex(@"^[ \t]+runtime:[ \t]*(?<value>[^\s#]*)", RegexOptions.Multiline)]
    private static partial Regex RuntimeLine();
}
